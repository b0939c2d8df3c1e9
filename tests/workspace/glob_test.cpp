// Glob matching for documents.include / documents.exclude.
#include <gtest/gtest.h>

#include "newslint/workspace/workspace.h"

namespace newslint::workspace {
namespace {

struct GlobCase {
  std::string_view pattern;
  std::string_view path;
  bool matches;
};

TEST(GlobMatch, Table) {
  const GlobCase cases[] = {
      // ** matches zero or more folders
      {"**/*.txt", "a.txt", true},
      {"**/*.txt", "x/a.txt", true},
      {"**/*.txt", "x/y/z/a.txt", true},
      {"**/*.txt", "a.md", false},
      {"**/*.txt", "a.txt/b", false},
      {"wire/**/*.txt", "wire/a.txt", true},
      {"wire/**/*.txt", "wire/2024/12/a.txt", true},
      {"wire/**/*.txt", "web/a.txt", false},
      {"drafts/**", "drafts/a.txt", true},
      {"drafts/**", "drafts/x/a.txt", true},
      {"drafts/**", "final/a.txt", false},
      {"**", "any/thing.txt", true},
      {"./wire/*.txt", "wire/a.txt", true},
      {"a/**/b/**/c.txt", "a/b/c.txt", true},
      {"a/**/b/**/c.txt", "a/x/b/y/z/c.txt", true},
      {"a/**/b/**/c.txt", "a/x/y/c.txt", false},
      // * and ? stay within one folder
      {"*.txt", "a.txt", true},
      {"*.txt", "sub/a.txt", false},
      {"wire/*.txt", "wire/x/a.txt", false},
      {"*", "a", true},
      {"a*b*c", "aXXbYYc", true},
      {"a*b*c", "aXXbYY", false},
      {"a*", "a", true},
      {"?.txt", "a.txt", true},
      {"?.txt", "ab.txt", false},
      {"?.txt", "é.txt", true}, // one character, two bytes
      {"a?b", "a/b", false},
      {"**.txt", "a.txt", true},
      {"**.txt", "x/a.txt", false}, // ** inside a segment is a plain *
      // alternatives
      {"*.{txt,md}", "a.md", true},
      {"*.{txt,md}", "a.txt", true},
      {"*.{txt,md}", "a.rst", false},
      {"{wire,web}/**/*.txt", "web/x/a.txt", true},
      {"{wire,web}/**/*.txt", "print/a.txt", false},
      {"a{,b}.txt", "a.txt", true},
      {"a{,b}.txt", "ab.txt", true},
      {"{a,{b,c}d}.txt", "cd.txt", true},
      {"{a,{b,c}d}.txt", "c.txt", false},
      {"{x/a,y}.txt", "x/a.txt", true},
      // classes
      {"[abc].txt", "b.txt", true},
      {"[abc].txt", "d.txt", false},
      {"[a-c].txt", "c.txt", true},
      {"[!a-c].txt", "c.txt", false},
      {"[!a-c].txt", "d.txt", true},
      {"[^a-c].txt", "d.txt", true},
      {"[]x].txt", "].txt", true},
      {"0[0-9][0-9]_*.txt", "002_bf82ed2b7bc21197.txt", true},
      {"0[0-9][0-9]_*.txt", "0a2_x.txt", false},
      {"[é-ë]", "ê", true},
      {"[abc", "[abc", true}, // unclosed: literal
      // escapes and literals
      {"\\*.txt", "*.txt", true},
      {"\\*.txt", "a.txt", false},
      {"a.txt", "a.txt", true},
      {"a.txt", "A.txt", false}, // case-sensitive
      {"a.txt", "a.txtx", false},
      {"", "", true},
      {"", "a", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(globMatch(c.pattern, c.path), c.matches) << c.pattern << " vs " << c.path;
  }
}

TEST(GlobMatch, PathologicalPatternsStayCheap) {
  const std::string path(200, 'a');
  EXPECT_FALSE(globMatch("*a*a*a*a*a*a*a*a*a*a*a*b", path));
  std::string many;
  for (int i = 0; i < 20; ++i) {
    many += "{a,b}";
  }
  EXPECT_TRUE(globMatch("**/**/**/**/**/**/x", "a/b/c/d/e/f/g/h/x"));
  EXPECT_FALSE(globMatch(many, "ab")); // too many alternatives: braces taken literally
  EXPECT_TRUE(globError(many).has_value());
}

TEST(GlobError, ExplainsUnusablePatterns) {
  EXPECT_EQ(globError("**/*.txt"), std::nullopt);
  EXPECT_EQ(globError("{a,b}/[0-9]*.txt"), std::nullopt);
  EXPECT_TRUE(globError("").has_value());
  EXPECT_TRUE(globError("{a,b").has_value());
  EXPECT_TRUE(globError("a}").has_value());
  EXPECT_TRUE(globError("[abc").has_value());
  EXPECT_TRUE(globError("/abs/*.txt").has_value());
  EXPECT_EQ(globError("\\{literal"), std::nullopt);
}

} // namespace
} // namespace newslint::workspace
