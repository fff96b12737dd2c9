// NAME
//   reporter — the format names and the dispatch to each format's writer.
#include "report/reporter.hpp"

#include "report/report_util.hpp"

namespace pflint::report {

bool parse_format(std::string_view text, Format& out) {
  if (text == "text") out = Format::text;
  else if (text == "gcc") out = Format::gcc;
  else if (text == "json") out = Format::json;
  else if (text == "sarif") out = Format::sarif;
  else if (text == "github") out = Format::github;
  else return false;
  return true;
}

void write_report(Format format, const ReportInput& input, std::FILE* out) {
  switch (format) {
    case Format::text: write_text(input, out); break;
    case Format::gcc: write_gcc(input, out); break;
    case Format::json: write_json(input, out); break;
    case Format::sarif: write_sarif(input, out); break;
    case Format::github: write_github(input, out); break;
  }
  std::fflush(out);
}

}  // namespace pflint::report
