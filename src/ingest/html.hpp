#pragma once
// Text for HTML documents (the printable conversation plan, the weekly report as HTML).
#include <string>
#include <string_view>

namespace headway::ingest {

// Appends s with & < > " ' escaped, so user text stays text in element content and attributes.
inline void append_escaped_html(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

}  // namespace headway::ingest
