// NAME
//   split_nameval — split_nameval() (see split_nameval.hpp).
#include "util/split_nameval.hpp"

#include "util/ascii.hpp"

namespace pflint::util {

const char* split_nameval(std::string_view text, NameValue& result) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n && is_space(text[i])) ++i;
  if (i >= n || text[i] == '=') return "missing attribute name";
  const std::size_t name_begin = i;
  while (i < n && !is_space(text[i]) && text[i] != '=') ++i;
  const std::size_t name_end = i;
  while (i < n && is_space(text[i])) ++i;
  if (i >= n || text[i] != '=') return "missing '=' after attribute name";
  result.name = text.substr(name_begin, name_end - name_begin);
  result.value = trim(text.substr(i + 1));
  return nullptr;
}

}  // namespace pflint::util
