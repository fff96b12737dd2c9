# Dependencies — Debian packages only, found with find_package. Nothing is
# downloaded or vendored; scripts/setup.sh installs what is missing.
find_package(pegtl 3 REQUIRED)           # tao-pegtl-dev → taocpp::pegtl
find_package(fmt REQUIRED)               # libfmt-dev → fmt::fmt
find_package(CLI11 REQUIRED)             # libcli11-dev → CLI11::CLI11
# Static OpenSSL (libssl-dev ships libssl.a/libcrypto.a): loading and relocating
# the shared libraries cost every run ~1.7 ms, though only `simulate` uses them.
if(PFLINT_STATIC_DEPS)
  set(OPENSSL_USE_STATIC_LIBS TRUE)
endif()
find_package(OpenSSL 3 REQUIRED)         # libssl-dev → OpenSSL::SSL, OpenSSL::Crypto
find_package(RapidJSON REQUIRED)         # rapidjson-dev: headers only, no target
find_package(tomlplusplus 3 REQUIRED)    # libtomlplusplus-dev: .pflint.toml (headers used, see src/check)
get_target_property(PFLINT_TOMLPP_INCLUDE_DIR tomlplusplus::tomlplusplus INTERFACE_INCLUDE_DIRECTORIES)

# RapidJSON 1.1's package config exports no target: wrap its headers.
if(NOT TARGET pflint::rapidjson)
  add_library(pflint_rapidjson INTERFACE)
  add_library(pflint::rapidjson ALIAS pflint_rapidjson)
  target_include_directories(pflint_rapidjson SYSTEM INTERFACE ${RAPIDJSON_INCLUDE_DIRS})
  # Its member iterators' operator== / operator!= (document.h) are ambiguous
  # with C++20's reversed candidates; clang warns at every range-for over an
  # object, in our files, although the header is not ours.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    target_compile_options(pflint_rapidjson INTERFACE -Wno-ambiguous-reversed-operator)
  endif()
endif()

if(PFLINT_BUILD_TESTS)
  find_package(doctest REQUIRED)         # doctest-dev → doctest::doctest
  include(${doctest_DIR}/doctest.cmake)  # doctest_discover_tests()
endif()
