# src/postconf/edit.cmake — postconf's editing modes (-e -X -# -M# -MX -Me -F -P -PX).
target_sources(pflint_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/atomic_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/edit.cpp
  ${CMAKE_CURRENT_LIST_DIR}/edit_lines.cpp
  ${CMAKE_CURRENT_LIST_DIR}/edit_main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/edit_master.cpp)
