// The lexicon: common words and proper names (from a dictionary) and places (from a
// gazetteer), all stored case- and diacritic-folded so that lookups take the same keys
// the name extractor builds.
#include "newslint/analysis/lexicon.h"

#include <string>
#include <string_view>

#include "newslint/analysis/text.h"
#include "newslint/analysis/unicode.h"

namespace newslint::analysis {

namespace {

// Words that open sentences and headlines in news prose, separated by spaces. Capitalised
// at a sentence start they look like names; the extractor consults this list to tell them
// apart.
constexpr std::string_view kCommonWords =
    // articles, determiners, pronouns
    "a an the this that these those some any each every all both either neither no none many much "
    "most more few several such other another i we you he she it they his her its their our my "
    "your there here who whom whose which what where when why how whether "
    // prepositions and conjunctions
    "in on at by for from of to with without within into onto over under after before during "
    "since until till between among amid amidst against despite through throughout across along "
    "around behind beyond near about above below inside outside upon via per following according "
    "and but or nor so yet if unless although though because while whereas as than once like "
    // adverbs and discourse markers
    "however meanwhile moreover furthermore nevertheless nonetheless therefore thus hence instead "
    "indeed also still even only just already now then today yesterday tomorrow tonight later "
    "earlier recently previously currently finally eventually initially additionally similarly "
    "likewise separately elsewhere overall notably reportedly allegedly apparently officially "
    "ultimately again yes not never perhaps maybe almost nearly rather otherwise last next first "
    "second third late early "
    // numbers
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion dozens half "
    // verbs that open sentences
    "is are was were be been has have had do does did will would can could should may might must "
    "said says told added noted asked called speaking citing quoting responding commenting "
    "writing reporting "
    // news vocabulary
    "sources source reports report officials official witnesses residents analysts experts "
    "observers critics supporters activists rebels rebel fighters forces troops soldiers "
    "militants protesters opposition government regime authorities police army military president "
    "minister ministry prime foreign defense defence interior state federal national "
    "international local regional spokesman spokeswoman spokesperson leader leaders head chief "
    "general commander colonel major captain secretary ambassador envoy delegation council "
    "committee parliament court judge prosecutors lawyers family families people citizens "
    "civilians refugees children women men members news media press statement statements "
    "interview video footage images photos documents details data figures evidence update "
    "breaking exclusive analysis opinion editorial background context timeline summary conclusion "
    "introduction overview reaction reactions response aftermath escape secret plan fall collapse "
    "end war conflict crisis attack attacks strike strikes talks deal agreement ceasefire "
    "election elections vote economy prices security intelligence palace airport capital city "
    "country region border north south east west northern southern eastern western central new "
    "old former ex acting senior top key recent latest final full live day days week weeks month "
    "months year years morning afternoon evening night hours time mr mrs ms dr ";

// Countries most often named (and misspelt) in the news, with their usual short forms,
// separated by commas.
constexpr std::string_view kCountries =
    "Afghanistan,Albania,Algeria,Argentina,Armenia,Australia,Austria,Azerbaijan,Bahrain,Bangladesh,"
    "Belarus,Belgium,Bolivia,Bosnia,Brazil,Bulgaria,Burma,Cambodia,Cameroon,Canada,Chad,Chile,"
    "China,Colombia,Congo,Croatia,Cuba,Cyprus,Czechia,Denmark,Djibouti,Egypt,Eritrea,Estonia,"
    "Ethiopia,Finland,France,Georgia,Germany,Ghana,Greece,Hungary,India,Indonesia,Iran,Iraq,"
    "Ireland,Israel,Italy,Japan,Jordan,Kazakhstan,Kenya,Kosovo,Kuwait,Kyrgyzstan,Lebanon,Libya,"
    "Lithuania,Latvia,Mali,Mauritania,Mexico,Moldova,Morocco,Myanmar,Nepal,Netherlands,New Zealand,"
    "Niger,Nigeria,North Korea,Norway,Oman,Pakistan,Palestine,Peru,Philippines,Poland,Portugal,"
    "Qatar,Romania,Russia,Rwanda,Saudi Arabia,Senegal,Serbia,Somalia,South Africa,South Korea,"
    "South Sudan,Spain,Sri Lanka,Sudan,Sweden,Switzerland,Syria,Taiwan,Tajikistan,Tanzania,"
    "Thailand,Tunisia,Turkey,Türkiye,Turkmenistan,Uganda,Ukraine,United Arab Emirates,"
    "United Kingdom,United States,Uzbekistan,Venezuela,Vietnam,Yemen,Zimbabwe,"
    // The short forms and parts the news writes and ISO 3166 does not name.
    "Britain,Great Britain,England,Scotland,Wales,Northern Ireland,Holland,Ivory Coast,Zaire,"
    "Macau";

/// Calls `visit` with each non-empty item of `list`.
template <typename Visit> void forEachItem(std::string_view list, char separator, Visit visit) {
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(separator, start);
    if (end == std::string_view::npos) {
      end = list.size();
    }
    if (end > start) {
      visit(list.substr(start, end - start));
    }
    start = end + 1;
  }
}

} // namespace

void Lexicon::addWord(std::string_view word) {
  if (word.empty()) {
    return;
  }
  size_t pos = 0;
  const char32_t first = decodeUtf8(word, pos);
  if (isUpper(first)) {
    proper_.insert(foldDiacritics(word));
  } else if (isLower(first)) {
    common_.insert(foldDiacritics(word));
  }
  // Entries that start with a digit or a symbol are neither.
}

void Lexicon::addPlace(std::string_view name) {
  if (name.empty()) {
    return;
  }
  std::string folded = foldDiacritics(name);
  proper_.insert(folded);
  places_.insert(folded);
}

bool Lexicon::isCommonWord(std::string_view folded) const {
  return common_.contains(folded);
}

bool Lexicon::isProperName(std::string_view folded) const {
  return proper_.contains(folded);
}

bool Lexicon::isPlace(std::string_view folded) const {
  return places_.contains(folded);
}

Lexicon Lexicon::builtin() {
  Lexicon lexicon;
  forEachItem(kCommonWords, ' ', [&](std::string_view word) { lexicon.addWord(word); });
  forEachItem(kCountries, ',', [&](std::string_view country) { lexicon.addPlace(country); });
  return lexicon;
}

} // namespace newslint::analysis
