#include "ingest/plan_document.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace headway::ingest {
namespace {

namespace fs = std::filesystem;

core::ConversationPlan plan() {
  core::ConversationPlan p;
  p.id = 1;
  p.person_id = 7;
  p.title = "Ending my day at 17:30";
  p.situation = "In the last 4 weeks I had meetings after my working hours on 9 days and worked past 17:30 on 11 days.";
  p.need = "Be home for dinner with my family. I have energy for my kids in the evening.";
  p.proposal = "I will be offline from 17:30 on weekdays; urgent matters can reach me by phone.";
  p.trial_period = "A 4-week trial, then we review together what worked and what to adjust.";
  p.offer = "I will share a short end-of-day update at 17:15, so nothing is left open.";
  p.fallback = "If a full stop every day is too much at once, I would start with three evenings a week.";
  p.objections = {{"Clients expect evening answers.", "Most evening messages can wait until the morning."},
                  {"Everyone else stays online.", "My end-of-day update means nothing is left open."}};
  return p;
}

std::vector<core::PlanComment> comments() {
  core::PlanComment c;
  c.id = 1;
  c.plan_id = 1;
  c.author_person = 9;
  c.author_name = "Dana Coach";
  c.text = "Lead with the trial; it is easy to agree to.";
  c.created_at = *core::parse_instant("2026-11-24T15:00:00Z");
  return {c};
}

const core::Date kPrinted = core::make_date(2026, 11, 25);

// ---- HTML --------------------------------------------------------------------------------------

TEST(PlanHtml, IsACompletePrintableDocumentWithSectionsInOrder) {
  const auto html = plan_html(plan(), comments(), "Alex", kPrinted);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  for (const char* part : {"<meta charset=\"utf-8\">", "@page { size: A4;", "<title>Ending my day at 17:30 \u2013 conversation plan</title>",
                           "<h1>Ending my day at 17:30</h1>", "Prepared by Alex \u00b7 printed 25 November 2026",
                           "<th scope=\"col\">Objection</th><th scope=\"col\">My answer</th>",
                           "<tr><td class=\"objection\">Clients expect evening answers.</td><td>Most evening messages can "
                           "wait until the morning.</td></tr>",
                           "<p class=\"by\">Dana Coach, 24 November 2026</p>", "</html>\n"})
    EXPECT_NE(html.find(part), std::string::npos) << part;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  size_t at = 0;
  for (const char* heading : {"Situation", "What I need", "My proposal", "Trial period", "What I offer",
                              "If that does not work", "Likely objections", "Coach comments"}) {
    const size_t next = html.find("<h2>" + std::string(heading) + "</h2>", at);
    ASSERT_NE(next, std::string::npos) << heading;
    at = next;
  }
}

TEST(PlanHtml, EmptySectionsAndNoCommentsAreLeftOut) {
  auto p = plan();
  p.fallback = "  ";
  p.objections.clear();
  const auto html = plan_html(p, {}, "Alex", kPrinted);
  EXPECT_EQ(html.find("If that does not work"), std::string::npos);
  EXPECT_EQ(html.find("<table"), std::string::npos);
  EXPECT_EQ(html.find("Coach comments"), std::string::npos);
  EXPECT_NE(html.find("<h2>What I offer</h2>"), std::string::npos);
}

TEST(PlanHtml, EscapesEveryText) {
  auto p = plan();
  p.title = "<script>alert(1)</script>";
  p.situation = "He said \"no\" & left 'early' <b>bold</b>";
  p.objections = {{"<img src=x onerror=alert(1)>", "a</td><td>b"}};
  auto cs = comments();
  cs[0].author_name = "<i>Dana</i>";
  cs[0].text = "</p><script>alert('c')</script>";
  const auto html = plan_html(p, cs, "A & B \"Quote\"", kPrinted);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  for (const char* part : {"<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>",
                           "<title>&lt;script&gt;alert(1)&lt;/script&gt; \u2013 conversation plan</title>",
                           "He said &quot;no&quot; &amp; left &#39;early&#39; &lt;b&gt;bold&lt;/b&gt;",
                           "&lt;img src=x onerror=alert(1)&gt;", "a&lt;/td&gt;&lt;td&gt;b",
                           "&lt;i&gt;Dana&lt;/i&gt;, 24 November 2026", "&lt;/p&gt;&lt;script&gt;alert(&#39;c&#39;)",
                           "Prepared by A &amp; B &quot;Quote&quot;"})
    EXPECT_NE(html.find(part), std::string::npos) << part;
  // Nothing but the one objection row fewer adds or removes a tag: <tr>, two <td> and their ends.
  const auto plain = plan_html(plan(), comments(), "x", kPrinted);
  EXPECT_EQ(std::count(plain.begin(), plain.end(), '<') - std::count(html.begin(), html.end(), '<'), 6);
}

// ---- PDF, checked with poppler's pdfinfo and pdftotext and with qpdf -------------------------

struct Output {
  int status = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class PlanPdf : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdfinfo", "pdftotext", "qpdf"})
      ASSERT_EQ(std::system(("command -v " + std::string(tool) + " >/dev/null 2>&1").c_str()), 0)
          << tool << " is missing: scripts/install-deps.sh installs poppler-utils and qpdf";
    dir_ = fs::temp_directory_path() / ("headway-plan-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& pdf) {
    const auto file = dir_ / ("plan" + std::to_string(++n_) + ".pdf");
    std::ofstream(file, std::ios::binary) << pdf;
    return file;
  }

  // Runs `command file [tail]` with stdout and stderr captured.
  Output run(const std::string& command, const fs::path& file, const std::string& tail = "") {
    const auto out = dir_ / "out", err = dir_ / "err";
    Output r;
    const std::string line = command + " '" + file.string() + "' " + tail + " > '" + out.string() + "' 2> '" + err.string() + "'";
    const int raw = std::system(line.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  // pdfinfo succeeds without a word on stderr, the file is one A4 page, and qpdf finds no fault.
  void expect_valid_one_page(const fs::path& file) {
    const auto info = run("pdfinfo", file);
    EXPECT_EQ(info.status, 0);
    EXPECT_EQ(info.err, "");
    EXPECT_TRUE(std::regex_search(info.out, std::regex("\nPages: +1\n"))) << info.out;
    EXPECT_NE(info.out.find("595.28 x 841.89 pts (A4)"), std::string::npos) << info.out;
    EXPECT_TRUE(std::regex_search(info.out, std::regex("\nPDF version: +1\\.4\n"))) << info.out;
    const auto check = run("qpdf --check", file);
    EXPECT_EQ(check.status, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("No syntax or stream encoding errors found"), std::string::npos) << check.out;
  }

  // The page's text as pdftotext reads it, every run of white space made one space.
  std::string text(const fs::path& file) {
    const auto r = run("pdftotext -enc UTF-8", file, "-");
    EXPECT_EQ(r.status, 0) << r.err;
    return squeeze(r.out);
  }

  static std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
      if (space && (out.empty() || out.back() == ' ')) continue;
      out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }

  fs::path dir_;
  int n_ = 0;
};

TEST_F(PlanPdf, IsAValidOnePageWithThePlanInOrder) {
  const auto p = plan();
  const auto file = write(plan_pdf(p, comments(), "Alex", kPrinted));
  expect_valid_one_page(file);
  EXPECT_TRUE(std::regex_search(run("pdfinfo", file).out, std::regex("(^|\n)Title: +Ending my day at 17:30\n")));
  const auto t = text(file);
  size_t at = 0;
  for (const std::string& part :
       {p.title, std::string("Prepared by Alex \u00b7 printed 25 November 2026"), std::string("Situation"), p.situation,
        std::string("What I need"), p.need, std::string("My proposal"), p.proposal, std::string("Trial period"),
        p.trial_period, std::string("What I offer"), p.offer, std::string("If that does not work"), p.fallback,
        std::string("Likely objections"), p.objections[0].objection, p.objections[1].objection,
        std::string("Coach comments"), std::string("Dana Coach, 24 November 2026"), comments()[0].text}) {
    const size_t next = t.find(part, at);
    ASSERT_NE(next, std::string::npos) << "missing or out of order: " << part << "\nin: " << t;
    at = next;
  }
  for (const auto& o : p.objections) EXPECT_NE(t.find(o.answer), std::string::npos) << o.answer;
  EXPECT_EQ(t.find("HTML version"), std::string::npos);
}

TEST_F(PlanPdf, EscapesParenthesesAndBackslashesAndReplacesWhatWinAnsiLacks) {
  auto p = plan();
  p.title = "Plan (draft) \\ v2";
  p.situation = "Unbalanced ) and ( and \\) in Zo\u00eb\u2019s \u201cplan\u201d \u2013 \u20ac5, \U0001F600 and \u6f22.";
  const auto file = write(plan_pdf(p, {}, "Zo\u00eb", kPrinted));
  expect_valid_one_page(file);
  const auto t = text(file);
  EXPECT_NE(t.find("Plan (draft) \\ v2"), std::string::npos) << t;
  EXPECT_NE(t.find("Unbalanced ) and ( and \\) in Zo\u00eb\u2019s \u201cplan\u201d \u2013 \u20ac5, ? and ?."),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("Prepared by Zo\u00eb"), std::string::npos);
}

// The body text's height in points, from pdftotext's word boxes.
double word_height(const std::string& bbox_html, const std::string& word) {
  const std::regex re("<word xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">" + word + "</word>");
  std::smatch m;
  if (!std::regex_search(bbox_html, m, re)) return 0;
  return std::stod(m[2]) - std::stod(m[1]);
}

TEST_F(PlanPdf, ALongerPlanShrinksTheTypeBeforeCuttingAnything) {
  auto p = plan();
  std::string para;
  for (int i = 0; i < 12; ++i) para += "Meetings moved into the evening again this week, and I answered messages until late. ";
  p.situation = "Marker " + para;
  p.need = p.proposal = p.offer = p.fallback = para;
  const auto small = write(plan_pdf(plan(), comments(), "Alex", kPrinted));
  const auto longer = write(plan_pdf(p, comments(), "Alex", kPrinted));
  expect_valid_one_page(longer);
  const auto t = text(longer);
  EXPECT_NE(t.find(squeeze(p.situation)), std::string::npos);  // all of it, no cut
  EXPECT_EQ(t.find("HTML version"), std::string::npos);
  const double h_small = word_height(run("pdftotext -bbox", small, "-").out, "Situation");
  const double h_long = word_height(run("pdftotext -bbox", longer, "-").out, "Situation");
  EXPECT_GT(h_small, 0);
  EXPECT_GT(h_long, 0);
  EXPECT_LT(h_long, h_small);
}

TEST_F(PlanPdf, AVeryLongPlanIsCutAndStillOnePage) {
  core::ConversationPlan p = plan();
  std::string big;
  while (big.size() + 60 < core::kPlanFieldBytes) big += "Every evening I check messages again after dinner. ";
  p.situation = p.need = p.proposal = p.trial_period = p.offer = p.fallback = big;
  p.objections.assign(core::kMaxObjections, {std::string(900, 'o').replace(0, 14, "Long objection"), big.substr(0, 990)});
  std::vector<core::PlanComment> cs(300, comments()[0]);
  for (auto& c : cs) c.text = big.substr(0, 1990);
  ASSERT_TRUE(core::validate_plan(p));
  const auto file = write(plan_pdf(p, cs, "Alex", kPrinted));
  expect_valid_one_page(file);
  const auto t = text(file);
  EXPECT_NE(t.find(p.title), std::string::npos);
  EXPECT_NE(t.find("Shortened to fit one page \u2014 the full plan is in the HTML version."), std::string::npos) << t;
  EXPECT_NE(t.find("\u2026"), std::string::npos);
  for (const char* heading : {"Situation", "What I need", "My proposal", "Trial period", "What I offer",
                              "If that does not work", "Likely objections"})
    EXPECT_NE(t.find(heading), std::string::npos) << heading;
  // Every word lies inside the page's margins: the wrapping used the fonts' real widths.
  const auto bbox = run("pdftotext -bbox", file, "-").out;
  const std::regex word("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">");
  int words = 0;
  for (auto it = std::sregex_iterator(bbox.begin(), bbox.end(), word); it != std::sregex_iterator(); ++it, ++words) {
    EXPECT_GE(std::stod((*it)[1]), 50.0);
    EXPECT_LE(std::stod((*it)[3]), 595.28 - 50.0);
    EXPECT_GE(std::stod((*it)[2]), 40.0);
    EXPECT_LE(std::stod((*it)[4]), 841.89 - 40.0);
  }
  EXPECT_GT(words, 300);
}

TEST_F(PlanPdf, IsDeterministic) {
  EXPECT_EQ(plan_pdf(plan(), comments(), "Alex", kPrinted), plan_pdf(plan(), comments(), "Alex", kPrinted));
}

}  // namespace
}  // namespace headway::ingest
