# StandardSettings — the C++ standard, warnings and sanitizers, carried by two
# INTERFACE targets that every pflint target links PRIVATE; clang-tidy.
add_library(pflint_settings INTERFACE)
target_compile_features(pflint_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

add_library(pflint_warnings INTERFACE)
target_compile_options(pflint_warnings INTERFACE -Wall -Wextra -Wshadow -Wnon-virtual-dtor
                       -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual -Wpedantic
                       -Wimplicit-fallthrough)
if(PFLINT_WERROR)
  target_compile_options(pflint_warnings INTERFACE -Werror)
endif()

set(_pflint_sanitizers "")
if(PFLINT_ENABLE_ASAN)
  list(APPEND _pflint_sanitizers address)
endif()
if(PFLINT_ENABLE_UBSAN)
  list(APPEND _pflint_sanitizers undefined)
endif()
if(_pflint_sanitizers)
  list(JOIN _pflint_sanitizers "," _pflint_san)
  target_compile_options(pflint_settings INTERFACE -fsanitize=${_pflint_san} -fno-omit-frame-pointer
                         -fno-sanitize-recover=all)
  target_link_options(pflint_settings INTERFACE -fsanitize=${_pflint_san})
endif()
# Debug checks the standard library's preconditions; so does the ci preset,
# which builds RelWithDebInfo with "-O2 -g -D_GLIBCXX_ASSERTIONS" (no NDEBUG,
# so assert() and RAPIDJSON_ASSERT stay live: CMakePresets.json).
target_compile_definitions(pflint_settings INTERFACE $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)

# clang-tidy with the checks of .clang-tidy on each file as it compiles
# (`cmake --preset tidy`). Set before any target exists: CMAKE_CXX_CLANG_TIDY
# initialises each target's CXX_CLANG_TIDY.
if(PFLINT_ENABLE_CLANG_TIDY)
  find_program(PFLINT_CLANG_TIDY NAMES clang-tidy-14 clang-tidy REQUIRED)
  set(CMAKE_CXX_CLANG_TIDY ${PFLINT_CLANG_TIDY})
endif()

# Fuzzing instruments all of pflint's code for coverage (clang only).
if(PFLINT_BUILD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PFLINT_BUILD_FUZZ needs clang: CC=clang CXX=clang++ cmake ...")
  endif()
  target_compile_options(pflint_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                         -fno-sanitize-recover=all)
  target_link_options(pflint_settings INTERFACE -fsanitize=address,undefined)
endif()
# clang's UBSan also flags "applying non-zero offset to null pointer", which
# Debian 12's RapidJSON 1.1.0 does on a Writer's first StartObject()
# (internal/stack.h, Stack::Reserve; fixed upstream after 1.1.0). GCC's
# UBSan does not check it; so that the clang build can run, neither does it
# (after every -fsanitize=undefined above: the last flag wins).
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND (PFLINT_ENABLE_UBSAN OR PFLINT_BUILD_FUZZ))
  target_compile_options(pflint_settings INTERFACE -fno-sanitize=pointer-overflow)
endif()

# pflint_startup — link options for the executables whose start-up time is
# measured (see PFLINT_STATIC_DEPS): no shared libstdc++/libgcc to load and
# relocate, and no shared libraries linked in that nothing references.
add_library(pflint_startup INTERFACE)
target_link_options(pflint_startup INTERFACE LINKER:-O1,--as-needed)
if(PFLINT_STATIC_DEPS AND NOT _pflint_sanitizers AND NOT PFLINT_BUILD_FUZZ)
  target_link_options(pflint_startup INTERFACE -static-libstdc++ -static-libgcc)
endif()
# The executable is linked without PIE (set per target, see src/cli): a PIE
# binary of this size spends ~0.3 ms at every start on ~26,000 relative
# relocations. check_pie_supported() makes CMake pass -no-pie / -pie.
include(CheckPIESupported)
check_pie_supported()
