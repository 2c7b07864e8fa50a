// The printable conversation plan as a one-page A4 PDF: lay out, and if it does not fit, shrink
// the type, then shorten the texts. The page is a single PDF page object, so whatever happens the
// file has exactly one page; the shortening keeps the last resort (lines past the bottom margin
// left out) for pathological input such as hundreds of comments.
#include <algorithm>
#include <array>

#include "ingest/pdf.hpp"
#include "ingest/plan_document.hpp"

namespace headway::ingest {
namespace {

using pdf::Font;

constexpr double kMargin = 51.02;  // 18 mm, as in the HTML's @page rule
constexpr double kLeft = kMargin, kWidth = pdf::kA4Width - 2 * kMargin;
constexpr double kTop = pdf::kA4Height - kMargin;
constexpr double kColumnGap = 10;
constexpr double kObjectionShare = 0.42;  // of the width, for the objection column
constexpr std::array<double, 7> kSizes{11, 10.5, 10, 9.5, 9, 8.5, 8};
constexpr size_t kMinCut = 40;  // shortening never cuts a text below this many bytes
constexpr const char* kShortenedNote =
    "Shortened to fit one page \x97 the full plan is in the HTML version.";  // \x97: an em dash in WinAnsi
constexpr char kEllipsis = '\x85';

struct Pair {
  std::string first, second;  // WinAnsi
};

// The plan's printable texts, in WinAnsi.
struct Model {
  std::string title, byline;
  std::vector<Pair> sections;    // heading, text
  std::vector<Pair> objections;  // objection, answer
  std::vector<Pair> comments;    // byline, text
  bool shortened = false;
};

Model make_model(const core::ConversationPlan& plan, std::span<const core::PlanComment> comments,
                 const std::string& person_name, core::Date printed_on) {
  Model m;
  m.title = pdf::to_winansi(plan.title);
  m.byline = pdf::to_winansi(plan_byline(person_name, printed_on));
  for (const auto& s : plan_sections(plan)) m.sections.push_back({s.heading, pdf::to_winansi(*s.text)});
  for (const auto& o : plan.objections) m.objections.push_back({pdf::to_winansi(o.objection), pdf::to_winansi(o.answer)});
  for (const auto& c : comments) m.comments.push_back({pdf::to_winansi(comment_byline(c)), pdf::to_winansi(c.text)});
  return m;
}

// Lays the model out top to bottom at one type size. Lines are drawn only while they fit above
// the bottom; fits() says whether everything did.
class Layout {
 public:
  Layout(double size, bool note) : size_(size), bottom_(kMargin + (note ? size * 2 : 0)) {}

  void render(const Model& m) {
    block(m.title, kLeft, kWidth, Font::bold, size_ * 1.6);
    block(m.byline, kLeft, kWidth, Font::regular, size_ * 0.85);
    for (const auto& s : m.sections) {
      heading(s.first);
      block(s.second, kLeft, kWidth, Font::regular, size_);
    }
    if (!m.objections.empty()) {
      heading(kObjectionsHeading);
      row(kObjectionColumn, kAnswerColumn, Font::bold);
      for (const auto& o : m.objections) {
        row(o.first, o.second, Font::regular);
        if (!overflow_) ++objections_drawn_;
      }
    }
    plan_fits_ = !overflow_;
    if (!m.comments.empty()) {
      heading(kCommentsHeading);
      for (const auto& c : m.comments) {
        block(c.first, kLeft, kWidth, Font::bold, size_ * 0.9);
        block(c.second, kLeft, kWidth, Font::regular, size_);
        y_ -= size_ * 0.3;
        if (!overflow_) ++comments_drawn_;
      }
    }
    if (m.shortened) page_.text(kLeft, kMargin, Font::regular, size_ * 0.85, kShortenedNote);
  }

  bool fits() const { return !overflow_; }
  // True when everything but the comments fitted.
  bool plan_fits() const { return plan_fits_; }
  size_t objections_drawn() const { return objections_drawn_; }
  size_t comments_drawn() const { return comments_drawn_; }
  const pdf::Page& page() const { return page_; }

 private:
  double lead(double s) const { return s * 1.3; }

  // Wrapped text; a block that does not fit entirely is left out, and so is all that follows.
  void block(std::string_view text, double x, double width, Font font, double s) {
    const auto lines = pdf::wrap(text, font, s, width);
    if (!room(lines.size() * lead(s))) return;
    draw(lines, x, font, s, y_);
    y_ -= lines.size() * lead(s);
  }

  void heading(std::string_view text) {
    y_ -= size_ * 0.6;
    block(text, kLeft, kWidth, Font::bold, size_ * 1.1);
  }

  // A two-column table row with a rule under it.
  void row(std::string_view left, std::string_view right, Font font) {
    const double lw = kWidth * kObjectionShare, rw = kWidth - lw - kColumnGap;
    const auto l = pdf::wrap(left, font, size_, lw), r = pdf::wrap(right, font, size_, rw);
    const double h = std::max(l.size(), r.size()) * lead(size_) + size_ * 0.5;
    if (!room(h)) return;
    draw(l, kLeft, font, size_, y_ - size_ * 0.2);
    draw(r, kLeft + lw + kColumnGap, font, size_, y_ - size_ * 0.2);
    y_ -= h;
    page_.rule(kLeft, y_ + size_ * 0.15, kLeft + kWidth, y_ + size_ * 0.15);
  }

  bool room(double h) {
    if (!overflow_ && y_ - h >= bottom_) return true;
    overflow_ = true;
    return false;
  }

  void draw(const std::vector<std::string>& lines, double x, Font font, double s, double top) {
    for (size_t i = 0; i < lines.size(); ++i)
      if (!lines[i].empty()) page_.text(x, top - s * 0.95 - i * lead(s), font, s, lines[i]);
  }

  double size_;
  double bottom_;
  double y_ = kTop;
  bool overflow_ = false, plan_fits_ = false;
  size_t objections_drawn_ = 0, comments_drawn_ = 0;
  pdf::Page page_;
};

// Cuts every section and objection text longer than three quarters of the longest one down to
// that length, at a space where one is near, and marks the cut with "…". False when every text
// is at the minimum already.
bool shorten_longest(Model& m) {
  std::vector<std::string*> texts;
  for (auto& s : m.sections) texts.push_back(&s.second);
  for (auto& o : m.objections) {
    texts.push_back(&o.first);
    texts.push_back(&o.second);
  }
  size_t longest = 0;
  for (const auto* t : texts) longest = std::max(longest, t->size());
  if (longest <= kMinCut) return false;
  const size_t target = std::max(kMinCut, longest * 3 / 4);
  for (auto* t : texts) {
    std::string& s = *t;
    if (s.size() <= target) continue;
    if (s.back() == kEllipsis) s.pop_back();
    // Room for the ellipsis inside the target, so the longest text shrinks every time.
    size_t cut = s.find_last_of(" \n", target - 1);
    if (cut == std::string::npos || cut < target / 2) cut = target - 1;
    s.resize(cut);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == ',' || s.back() == ';' || s.back() == '.' || s.back() == ':')) s.pop_back();
    s += kEllipsis;
  }
  return true;
}

}  // namespace

std::string plan_pdf(const core::ConversationPlan& plan, std::span<const core::PlanComment> comments,
                     const std::string& person_name, core::Date printed_on) {
  Model m = make_model(plan, comments, person_name, printed_on);
  const pdf::Info info{plan.title, printed_on};
  for (double size : kSizes) {
    Layout l(size, false);
    l.render(m);
    if (l.fits()) return pdf::document(l.page(), info);
  }
  const double smallest = kSizes.back();
  m.shortened = true;
  while (true) {
    Layout l(smallest, true);
    l.render(m);
    if (l.fits()) return pdf::document(l.page(), info);
    // The plan comes first: comments that do not fit are left out, not cut.
    if (l.plan_fits()) {
      m.comments.resize(l.comments_drawn());
    } else if (shorten_longest(m)) {
      continue;
    } else if (l.objections_drawn() < m.objections.size()) {
      m.objections.resize(l.objections_drawn());
      m.comments.clear();
    } else {
      return pdf::document(l.page(), info);  // what fits of the sections; the rest is left out
    }
  }
}

}  // namespace headway::ingest
