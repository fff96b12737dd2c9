# tests/postconf/edit.cmake — unit, atomicity and differential tests of the
# postconf editing modes (src/postconf/edit*.cpp).
target_sources(pflint_unit_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/test_edit_support.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_edit_main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_edit_master.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_edit_atomic.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_edit_oracle.cpp)
