# tests/postconf/views.cmake — unit tests of the postconf viewing modes
# (src/postconf/ except the edit files).
target_sources(pflint_unit_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/test_views.cpp)
