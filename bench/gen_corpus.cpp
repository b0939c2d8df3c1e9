// gen_corpus: writes a deterministic corpus of news-like articles for the speed benchmarks,
// with planted spelling variants and date conflicts whose detection the benchmark scores.
//
//   gen_corpus N DIR [--seed S] [--variant-rate R] [--conflict-rate R]
//   gen_corpus --version   (the number planted.json's "generator" holds)
//
// Articles come in stories: one event (participants, a predicate, a place, a topic, a day
// and a clock time) reported by one to four outlets, each article about 5 KB with a
// `Date:` header line, a headline, a lead sentence dating the event, follow-up paragraphs
// that name the participants by surname, and background paragraphs (other people, places,
// organisations, dates, numbers). Files go to DIR/dNNNN/aNNNNNNNN.txt, 1,000 per folder.
// People's surnames come from a pool that grows with the corpus past 20,000 articles, so
// that each surname comes back about as often at every size, as a growing archive's names
// do.
//
// Planted findings, listed in DIR/planted.json:
// - variant: in one article of a story covered by three or more, one participant's first
//   name (surname shared: strong evidence) or surname (same title and co-participant) is
//   spelt another way throughout the article;
// - conflict: in one article of a story covered by two or more, the event's clock time or
//   day differs from the other articles (same participants, predicate, place and topic).
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

// splitmix64: small, fast and the same on every platform.
class Rng {
public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
  template <class T, size_t N> const T& pick(const std::array<T, N>& items) {
    return items[below(N)];
  }

private:
  uint64_t state_;
};

// A name with the alternative spelling a planted variant uses (empty: none planted).
struct Spelling {
  std::string_view name;
  std::string_view variant;
};

constexpr std::array<Spelling, 48> kFirstNames = {{
    {"Sergei", "Sergey"},
    {"Yevgeny", "Evgeny"},
    {"Dmitry", "Dmitri"},
    {"Mikhail", "Mikhael"},
    {"Yuri", "Yury"},
    {"Andrei", "Andrey"},
    {"Nikolai", "Nikolay"},
    {"Alexei", "Aleksei"},
    {"Vladimir", "Wladimir"},
    {"Grigory", "Grigori"},
    {"Arkady", "Arkadi"},
    {"Vasily", "Vasili"},
    {"Fyodor", "Fedor"},
    {"Stanislav", "Stanislaw"},
    {"Anatoly", "Anatoli"},
    {"Gennady", "Gennadi"},
    {"Mohammed", "Mohamed"},
    {"Ahmed", "Ahmad"},
    {"Hamza", "Hamzah"},
    {"Khaled", "Khalid"},
    {"Youssef", "Yousef"},
    {"Abdullah", "Abdallah"},
    {"Mustafa", "Mostafa"},
    {"Hassan", "Hasan"},
    {"Rashid", "Rasheed"},
    {"Faisal", "Feisal"},
    {"Osama", "Usama"},
    {"Bilal", "Belal"},
    {"Jamal", "Jamaal"},
    {"Ibrahim", "Ebrahim"},
    {"Suleiman", "Sulaiman"},
    {"Anwar", "Anouar"},
    {"Tariq", "Tarik"},
    {"Nabil", "Nabeel"},
    {"Karim", "Kareem"},
    {"Samir", "Sameer"},
    {"Daniel", ""},
    {"Thomas", ""},
    {"Catherine", ""},
    {"Margaret", ""},
    {"Richard", ""},
    {"Helen", ""},
    {"Lucas", ""},
    {"Ingrid", ""},
    {"Paolo", ""},
    {"Claire", ""},
    {"Stefan", ""},
    {"Olivia", ""},
}};

constexpr std::array<Spelling, 56> kSurnames = {{
    {"Makhlouf", "Makhluf"},
    {"Shaaban", "Shabaan"},
    {"Nasrallah", "Nasrullah"},
    {"Qassem", "Kassem"},
    {"Khoury", "Khouri"},
    {"Mansour", "Mansur"},
    {"Othman", "Osman"},
    {"Darwish", "Darwich"},
    {"Zubaidi", "Zubaydi"},
    {"Haddad", "Hadad"},
    {"Barakat", "Barakaat"},
    {"Hamdan", "Hamadan"},
    {"Tamimi", "Tammimi"},
    {"Qureshi", "Kureishi"},
    {"Shehadeh", "Shehada"},
    {"Semyonov", "Semenov"},
    {"Timofeyev", "Timofeev"},
    {"Yegorov", "Egorov"},
    {"Sergeyev", "Sergeev"},
    {"Alexeyev", "Alekseev"},
    {"Zaitsev", "Zaytsev"},
    {"Kiselyov", "Kiselev"},
    {"Vorobyov", "Vorobiev"},
    {"Solovyov", "Soloviev"},
    {"Kovalyov", "Kovalev"},
    {"Lavrentyev", "Lavrentiev"},
    {"Grigoryev", "Grigoriev"},
    {"Yakovlev", "Jakovlev"},
    {"Petrov", ""},
    {"Kuznetsov", ""},
    {"Sokolov", ""},
    {"Lebedev", ""},
    {"Kozlov", ""},
    {"Novikov", ""},
    {"Morozov", ""},
    {"Volkov", ""},
    {"Medvedchuk", ""},
    {"Tikhonov", ""},
    {"Belousov", ""},
    {"Karimov", ""},
    {"Lindgren", ""},
    {"Nazarbekov", ""},
    {"Harrington", ""},
    {"Whitfield", ""},
    {"Brennan", ""},
    {"Lindqvist", ""},
    {"Moreau", ""},
    {"Castellano", ""},
    {"Okonkwo", ""},
    {"Delacroix", ""},
    {"Achterberg", ""},
    {"Sandoval", ""},
    {"Kowalczyk", ""},
    {"Fairbanks", ""},
    {"Yamashita", ""},
    {"Oyelaran", ""},
}};

// Further surnames built from a stem, a middle syllable and an ending, so that a large
// corpus holds many distinct people (as real archives do) and no surname is shared by
// dozens of people.
constexpr std::array<std::string_view, 40> kStems = {
    "Abr",  "Bel",  "Chern", "Dor",  "Gavr", "Zhuk", "Kal",  "Lom",  "Mir",  "Nest",
    "Ost",  "Ryb",  "Sav",   "Tar",  "Brod", "Vakh", "Zin",  "Grom", "Dem",  "Kapl",
    "Sark", "Har",  "Jab",   "Nass", "Rif",  "Saad", "Taw",  "Yass", "Ghan", "Qud",
    "Mal",  "Keng", "Fars",  "Hadj", "Krup", "Lev",  "Murt", "Sem",  "Zhab", "Vol"};
constexpr std::array<std::string_view, 12> kMiddles = {"an", "or",  "ik", "ud", "em", "al",
                                                       "ir", "ash", "et", "ub", "og", "iz"};
constexpr std::array<std::string_view, 8> kEndings = {"ov", "in",  "i",  "a",
                                                      "ek", "ani", "ez", "os"};
constexpr size_t kGeneratedSurnames = kStems.size() * kMiddles.size() * kEndings.size();
// Past the first kGeneratedSurnames come surnames of four syllables from other lists, a
// stem, a middle, two more syllables, and an ending chosen by the other four, so that two of
// them that differ in one syllable mostly differ in their ending too: a pool whose names are
// one syllable apart would make different people look like spellings of one.
constexpr std::array<std::string_view, 40> kLongStems = {
    "Vel",   "Ob",   "Trask", "Dun",  "Pell", "Ferr", "Sig",  "Hov",  "Ulm",  "Quar",
    "Brenn", "Cald", "Ettr",  "Gund", "Ilv",  "Jorv", "Kest", "Lund", "Mord", "Norv",
    "Pask",  "Rell", "Stov",  "Thal", "Uld",  "Varn", "Wess", "Yorg", "Zeff", "Alb",
    "Bosk",  "Crem", "Dalv",  "Esk",  "Fost", "Garm", "Hesk", "Istr", "Kolv", "Marr"};
constexpr std::array<std::string_view, 24> kMoreMiddles = {
    "dul", "ber", "mon", "tes", "kar", "lin", "sor", "vat", "gel", "pur", "hin", "dam",
    "rok", "fel", "nus", "tib", "zor", "mek", "pal", "sun", "tav", "bir", "gon", "lem"};
constexpr size_t kLongSurnames =
    kLongStems.size() * kMiddles.size() * kMoreMiddles.size() * kMoreMiddles.size();
// 2: past 20,000 articles the pool of surnames grows with the corpus (kArticlesPerPool).
constexpr int kGeneratorVersion = 2;

// Up to this many articles the people come from the kGeneratedSurnames surnames alone (the
// corpora of 20,000 articles and fewer are as they were before the pool grew). Past it the
// pool grows with the corpus, keeping the people per surname where they are at this size:
// with a fixed pool, every surname (and every pair of surnames one letter apart) would come
// back in ever more articles, and the name variants found among different people who share
// a first name and a similar surname would grow faster than the corpus.
constexpr size_t kArticlesPerPool = 20000;

struct Title {
  std::string_view full;   ///< "Russian Foreign Minister"
  std::string_view short_; ///< used on later mentions in place of the full title
};

constexpr std::array<Title, 14> kTitles = {{
    {"Russian Foreign Minister", "the minister"},
    {"Syrian President", "the president"},
    {"Lebanese Prime Minister", "the prime minister"},
    {"Iraqi Defence Minister", "the minister"},
    {"Jordanian Foreign Minister", "the minister"},
    {"Egyptian Trade Minister", "the minister"},
    {"Turkish Energy Minister", "the minister"},
    {"UN envoy", "the envoy"},
    {"EU foreign policy chief", "the official"},
    {"Kremlin spokesman", "the spokesman"},
    {"opposition leader", "the opposition leader"},
    {"central bank governor", "the governor"},
    {"Qatari Emir's adviser", "the adviser"},
    {"Saudi Interior Minister", "the minister"},
}};

constexpr std::array<std::string_view, 24> kPlaces = {
    "Damascus", "Moscow", "Beirut",   "Baghdad",  "Amman",  "Cairo",   "Ankara",   "Geneva",
    "Vienna",   "Doha",   "Riyadh",   "Tehran",   "Aleppo", "Homs",    "Latakia",  "Erbil",
    "Basra",    "Sochi",  "Istanbul", "Brussels", "Kazan",  "Tripoli", "Benghazi", "Muscat"};

constexpr std::array<std::string_view, 16> kOrgs = {"the Arab League",
                                                    "the United Nations",
                                                    "the European Union",
                                                    "the International Monetary Fund",
                                                    "the World Food Programme",
                                                    "the Red Cross",
                                                    "Gazprom",
                                                    "Rosneft",
                                                    "the Central Bank",
                                                    "the Interior Ministry",
                                                    "the Foreign Ministry",
                                                    "Reuters",
                                                    "the Associated Press",
                                                    "Al Jazeera",
                                                    "the World Bank",
                                                    "OPEC"};

constexpr std::array<std::string_view, 20> kTopics = {
    "the ceasefire proposal",  "grain exports",
    "the prisoner exchange",   "border crossings",
    "the reconstruction fund", "gas pipeline tariffs",
    "refugee returns",         "the humanitarian corridor",
    "the oil price cap",       "the water-sharing treaty",
    "arms shipments",          "the electricity grid",
    "debt restructuring",      "the airport reopening",
    "customs duties",          "the detained journalists",
    "the peace roadmap",       "wheat subsidies",
    "the election timetable",  "the security pact"};

// One topic word per topic, shared by every article of a story (content-word evidence).
constexpr std::array<std::string_view, 20> kTopicWords = {
    "ceasefire", "grain",       "prisoners", "crossings", "reconstruction", "pipeline", "refugees",
    "corridor",  "oil",         "water",     "arms",      "electricity",    "debt",     "airport",
    "customs",   "journalists", "roadmap",   "wheat",     "election",       "security"};

constexpr std::array<std::string_view, 8> kOutlets = {
    "state television reported",   "officials said",
    "a government statement said", "diplomatic sources said",
    "the news agency reported",    "aides confirmed",
    "local media reported",        "witnesses said"};

constexpr std::array<std::string_view, 7> kWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Background prose: sentences with slots. {P} a person (title and name), {S} a surname,
// {L} a place, {O} an organisation, {N} a number, {Y} a year, {W} a weekday, {M} a month.
constexpr std::array<std::string_view, 40> kBackground = {
    "The talks follow months of stalled negotiations over the future of the region.",
    "{O} has warned that the situation in {L} could deteriorate further before winter.",
    "According to {O}, more than {N},000 people have been displaced since {Y}.",
    "{P} said the government was prepared to consider any serious offer.",
    "Analysts in {L} said the outcome would depend on how quickly both sides moved.",
    "Prices for fuel and bread in {L} have risen by almost {N} percent this year.",
    "The previous round of talks, held in {L} in {M} {Y}, ended without agreement.",
    "Diplomats said a draft text had been circulated but not yet approved.",
    "{P} told reporters that the proposal contained several unacceptable conditions.",
    "{S} has held the post since {Y} and is regarded as a cautious negotiator.",
    "Critics argue that previous agreements were never fully implemented.",
    "A spokesman for {O} declined to comment on the details.",
    "Officials in {L} said a technical committee would meet again next month.",
    "The economy has contracted sharply, and unemployment remains above {N} percent.",
    "Several members of parliament called for a public inquiry into the delays.",
    "{P} visited {L} in {Y}, when a similar plan was discussed.",
    "The road between {L} and {L} was closed for several hours on {W}.",
    "Aid groups said supplies of medicine were running low in the north.",
    "{O} estimates that reconstruction will cost at least {N} billion dollars.",
    "In a statement, {O} urged all parties to show restraint.",
    "The opposition has rejected the plan, saying it was drafted without consultation.",
    "Trade between the two countries fell by {N} percent in {Y}.",
    "{P} was expected to brief the cabinet later in the week.",
    "Security was tight around the venue, with police blocking the surrounding streets.",
    "The agreement, if signed, would be the first of its kind since {Y}.",
    "Residents of {L} said they had little hope that the talks would change much.",
    "A senior aide to {S} said the meeting had been frank and constructive.",
    "The currency has lost nearly {N} percent of its value against the dollar.",
    "{O} said it would send observers to monitor the implementation.",
    "Earlier this year, {P} accused neighbouring states of interfering.",
    "Negotiators have struggled to agree on the sequence of the first steps.",
    "The issue is expected to dominate the next summit of {O}.",
    "Journalists were not allowed into the building during the session.",
    "The ministry said {N} trucks had crossed the border over the weekend.",
    "{P} and {P} are both expected to attend the conference in {L}.",
    "The parliament in {L} is due to vote on the budget in {M}.",
    "Western governments have so far reacted cautiously to the proposal.",
    "Fighting near {L} has eased in recent weeks, according to local residents.",
    "The plan foresees a gradual withdrawal over {N} months.",
    "Officials declined to say when the next round would take place.",
};

// Follow-up sentences about the story: {A}/{B} the participants' surnames, {T} the topic.
constexpr std::array<std::string_view, 12> kFollowUp = {
    "{A} told reporters afterwards that progress had been made on {T}.",
    "{B} said the two sides had agreed to keep talking.",
    "According to {A}, the discussion on {T} lasted several hours.",
    "{B} described the exchange as useful but difficult.",
    "Aides to {A} said a joint statement could follow within days.",
    "{A} and {B} are expected to speak again before the end of the month.",
    "{B} did not answer questions about {T} after the meeting.",
    "People familiar with the talks said {A} pressed {B} for guarantees.",
    "{A} later said on social media that {T} remained the main obstacle.",
    "A source close to {B} said no decision had been taken.",
    "{A} declined to give details, saying only that the talks would continue.",
    "Neither {A} nor {B} mentioned {T} in their public remarks.",
};

struct Person {
  uint16_t first = 0;
  uint32_t last = 0;
  uint8_t title = 0;
};

struct Story {
  std::array<Person, 2> people{};
  uint8_t predicate = 0;
  uint8_t place = 0;
  uint8_t topic = 0;
  int64_t day = 0; ///< days since 1970-01-01
  int minutes = 0; ///< clock time of the event
};

// Proleptic Gregorian calendar (days since 1970-01-01).
struct Ymd {
  int y = 0;
  int m = 0;
  int d = 0;
};
Ymd ymdOf(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}
int weekdayOf(int64_t z) {
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
} // 0 = Monday

void appendInt(std::string& out, int64_t v) {
  std::array<char, 24> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  (void)ec;
  out.append(buf.data(), end);
}
void append2(std::string& out, int v) {
  out.push_back(static_cast<char>('0' + v / 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

std::string clockText(int minutes, int style) {
  const int h = minutes / 60;
  const int m = minutes % 60;
  std::string out;
  if (style == 0) { // 10:30 a.m.
    const int h12 = h % 12 == 0 ? 12 : h % 12;
    appendInt(out, h12);
    out += ':';
    append2(out, m);
    out += h < 12 ? " a.m." : " p.m.";
  } else { // 14:30
    append2(out, h);
    out += ':';
    append2(out, m);
  }
  return out;
}

// How an article states the day of the event, relative to its publication date.
std::string dayText(int64_t day, int style) {
  const Ymd ymd = ymdOf(day);
  std::string out;
  if (style == 0) { // on Tuesday
    out += "on ";
    out += kWeekdays[static_cast<size_t>(weekdayOf(day))];
  } else if (style == 1) { // on March 3
    out += "on ";
    out += kMonths[static_cast<size_t>(ymd.m - 1)];
    out += ' ';
    appendInt(out, ymd.d);
  } else { // on Tuesday, March 3
    out += "on ";
    out += kWeekdays[static_cast<size_t>(weekdayOf(day))];
    out += ", ";
    out += kMonths[static_cast<size_t>(ymd.m - 1)];
    out += ' ';
    appendInt(out, ymd.d);
  }
  return out;
}

struct Names {
  std::array<std::string, 2> first;
  std::array<std::string, 2> last;
};

std::string json(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}

struct Planted {
  std::string variants;  // JSON objects, comma-separated
  std::string conflicts; // JSON objects, comma-separated
  size_t variantCount = 0;
  size_t conflictCount = 0;
};

class Writer {
public:
  Writer(fs::path dir, uint64_t seed, double variantRate, double conflictRate)
      : dir_(std::move(dir)), rng_(seed), variantRate_(variantRate), conflictRate_(conflictRate) {}

  void run(size_t articles) {
    generatedSurnames_ =
        std::max(kGeneratedSurnames, articles * kGeneratedSurnames / kArticlesPerPool);
    while (written_ < articles) {
      size_t k = 1 + rng_.below(4); // outlets covering the story: 1..4
      k = std::min(k, articles - written_);
      writeStory(k);
    }
    writePlanted(articles);
  }

private:
  std::string fileName(size_t index) const {
    std::string out = "d";
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%04zu", index / 1000);
    out += buf.data();
    out += "/a";
    std::snprintf(buf.data(), buf.size(), "%08zu", index);
    out += buf.data();
    out += ".txt";
    return out;
  }

  Person randomPerson() {
    const size_t last = rng_.chance(0.1) ? rng_.below(kSurnames.size())
                                         : kSurnames.size() + rng_.below(generatedSurnames_);
    const size_t first = rng_.below(kFirstNames.size());
    // One person, one title: the same name always comes with the same office.
    const uint64_t h = (first * 0x9E3779B1ULL + last * 0x85EBCA77ULL) >> 7;
    return {static_cast<uint16_t>(first), static_cast<uint32_t>(last),
            static_cast<uint8_t>(h % kTitles.size())};
  }

  static std::string surname(size_t index) {
    if (index < kSurnames.size()) {
      return std::string(kSurnames[index].name);
    }
    index -= kSurnames.size();
    if (index < kGeneratedSurnames) {
      const size_t ending = index % kEndings.size();
      index /= kEndings.size();
      return std::string(kStems[index / kMiddles.size()]) +
             std::string(kMiddles[index % kMiddles.size()]) + std::string(kEndings[ending]);
    }
    // Spread over every stem and syllable, not filled one stem at a time (the multiplier has
    // no factor in common with kLongSurnames, so no two indices meet).
    index = (index - kGeneratedSurnames) % kLongSurnames * 104729 % kLongSurnames;
    const size_t fourth = index % kMoreMiddles.size();
    index /= kMoreMiddles.size();
    const size_t third = index % kMoreMiddles.size();
    index /= kMoreMiddles.size();
    const size_t middle = index % kMiddles.size();
    const size_t stem = index / kMiddles.size();
    const size_t ending = (stem + 3 * middle + 5 * third + 7 * fourth) % kEndings.size();
    return std::string(kLongStems[stem]) + std::string(kMiddles[middle]) +
           std::string(kMoreMiddles[third]) + std::string(kMoreMiddles[fourth]) +
           std::string(kEndings[ending]);
  }
  static std::string_view surnameVariant(size_t index) {
    return index < kSurnames.size() ? kSurnames[index].variant : std::string_view();
  }

  void writeStory(size_t k) {
    Story s;
    s.people[0] = randomPerson();
    do {
      s.people[1] = randomPerson();
    } while (s.people[1].last == s.people[0].last || s.people[1].first == s.people[0].first);
    s.predicate = static_cast<uint8_t>(rng_.below(4));
    s.place = static_cast<uint8_t>(rng_.below(kPlaces.size()));
    s.topic = static_cast<uint8_t>(rng_.below(kTopics.size()));
    s.day = 19723 + static_cast<int64_t>(rng_.below(330)); // within 2024
    s.minutes = (7 + static_cast<int>(rng_.below(12))) * 60 + 5 * static_cast<int>(rng_.below(12));

    // Planted variant: one article, one participant, one name part with a variant spelling.
    int variantArticle = -1;
    int variantPerson = 0;
    bool variantSurname = false;
    if (k >= 3 && rng_.chance(variantRate_)) {
      variantPerson = static_cast<int>(rng_.below(2));
      const Person& p = s.people[static_cast<size_t>(variantPerson)];
      const bool firstOk = !kFirstNames[p.first].variant.empty();
      const bool lastOk = !surnameVariant(p.last).empty();
      if (firstOk || lastOk) {
        variantSurname = lastOk && (!firstOk || rng_.chance(0.3));
        variantArticle = static_cast<int>(rng_.below(k));
      }
    }
    // Planted conflict: one article states another clock time (or day) for the event.
    int conflictArticle = -1;
    bool conflictDay = false;
    int conflictMinutes = s.minutes;
    if (k >= 2 && rng_.chance(conflictRate_)) {
      conflictArticle = static_cast<int>(rng_.below(k));
      conflictDay = rng_.chance(0.3);
      if (!conflictDay) {
        const int shift = (2 + static_cast<int>(rng_.below(4))) * 60;
        conflictMinutes = s.minutes + (s.minutes < 12 * 60 ? shift : -shift);
      }
    }

    std::vector<std::string> files;
    std::string conflictStated;
    std::string agreedStated;
    for (size_t a = 0; a < k; ++a) {
      const bool conflicting = static_cast<int>(a) == conflictArticle;
      const int64_t day = conflicting && conflictDay ? s.day - 1 : s.day;
      const int minutes = conflicting ? conflictMinutes : s.minutes;
      Names names;
      for (size_t i = 0; i < 2; ++i) {
        names.first[i] = kFirstNames[s.people[i].first].name;
        names.last[i] = surname(s.people[i].last);
      }
      std::string planted;
      if (static_cast<int>(a) == variantArticle) {
        const auto i = static_cast<size_t>(variantPerson);
        if (variantSurname) {
          planted = surnameVariant(s.people[i].last);
          variantJson(fileName(written_), planted, names.last[i], "surname");
          names.last[i] = planted;
        } else {
          planted = kFirstNames[s.people[i].first].variant;
          variantJson(fileName(written_), planted, names.first[i], "first-name");
          names.first[i] = planted;
        }
      }
      std::string stated;
      writeArticle(s, names, day, minutes, stated);
      if (conflicting) {
        conflictStated = stated;
      } else if (agreedStated.empty()) {
        agreedStated = stated;
      }
      files.push_back(fileName(written_));
      ++written_;
    }
    if (conflictArticle >= 0) {
      if (planted_.conflictCount++ > 0) {
        planted_.conflicts += ",\n";
      }
      planted_.conflicts += "    {\"file\": " + json(files[static_cast<size_t>(conflictArticle)]) +
                            ", \"kind\": " + json(conflictDay ? "day" : "clock") +
                            ", \"stated\": " + json(conflictStated) +
                            ", \"others\": " + json(agreedStated) + ", \"story\": [";
      for (size_t i = 0; i < files.size(); ++i) {
        planted_.conflicts += (i ? ", " : "") + json(files[i]);
      }
      planted_.conflicts += "]}";
    }
  }

  void variantJson(const std::string& file, std::string_view spelling, std::string_view preferred,
                   std::string_view kind) {
    if (planted_.variantCount++ > 0) {
      planted_.variants += ",\n";
    }
    planted_.variants += "    {\"file\": " + json(file) + ", \"spelling\": " + json(spelling) +
                         ", \"preferred\": " + json(preferred) + ", \"kind\": " + json(kind) + "}";
  }

  // Fills the slots of a background sentence.
  void background(std::string& out, std::string_view pattern, int64_t published) {
    const size_t start = out.size();
    fill(out, pattern, published);
    if (out[start] >= 'a' && out[start] <= 'z') {
      out[start] = static_cast<char>(out[start] - 'a' + 'A');
    }
  }

  void fill(std::string& out, std::string_view pattern, int64_t published) {
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] != '{' || i + 2 >= pattern.size() || pattern[i + 2] != '}') {
        out += pattern[i];
        continue;
      }
      const char slot = pattern[i + 1];
      i += 2;
      switch (slot) {
      case 'P': {
        const Person p = randomPerson();
        out += kTitles[p.title].full;
        out += ' ';
        out += kFirstNames[p.first].name;
        out += ' ';
        out += surname(p.last);
        break;
      }
      case 'S':
        out += surname(rng_.below(kSurnames.size() + generatedSurnames_));
        break;
      case 'L':
        out += kPlaces[rng_.below(kPlaces.size())];
        break;
      case 'O': {
        std::string_view org = kOrgs[rng_.below(kOrgs.size())];
        // Capitalise "the" at the start of a sentence.
        if (org.starts_with("the ") && i == 2) {
          out += 'T';
          out += org.substr(1);
        } else {
          out += org;
        }
        break;
      }
      case 'N':
        appendInt(out, 2 + static_cast<int64_t>(rng_.below(97)));
        break;
      case 'Y':
        appendInt(out, ymdOf(published).y - 1 - static_cast<int64_t>(rng_.below(12)));
        break;
      case 'W':
        out += kWeekdays[rng_.below(7)];
        break;
      case 'M':
        out += kMonths[rng_.below(12)];
        break;
      default:
        out += slot;
      }
    }
  }

  void followUp(std::string& out, std::string_view pattern, const Names& n, const Story& s) {
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] != '{' || i + 2 >= pattern.size() || pattern[i + 2] != '}') {
        out += pattern[i];
        continue;
      }
      const char slot = pattern[i + 1];
      i += 2;
      if (slot == 'A') {
        out += n.last[0];
      } else if (slot == 'B') {
        out += n.last[1];
      } else {
        out += kTopics[s.topic];
      }
    }
  }

  void writeArticle(const Story& s, const Names& n, int64_t day, int minutes, std::string& stated) {
    const int64_t published = s.day + 1 + static_cast<int64_t>(rng_.below(4));
    const Ymd pub = ymdOf(published);
    std::string out;
    out.reserve(6000);
    out += "Date: ";
    appendInt(out, pub.y);
    out += '-';
    append2(out, pub.m);
    out += '-';
    append2(out, pub.d);
    out += "\n\n";
    // Headline (title case, no end punctuation).
    out += n.last[0];
    out += " and ";
    out += n.last[1];
    static constexpr std::array<std::string_view, 4> kHeadline = {
        " Hold Talks in ", " Discuss Crisis by Phone from ", " Tour ", " Announce Plan in "};
    out += kHeadline[s.predicate];
    out += kPlaces[s.place];
    out += "\n\n";

    // The lead: both participants, the predicate, place, topic and the time of the event.
    const std::string clock = clockText(minutes, static_cast<int>(rng_.below(2)));
    const std::string when = dayText(day, static_cast<int>(rng_.below(3)));
    const bool clockFirst = rng_.chance(0.5);
    stated = clockFirst ? "at " + clock + " " + when : when + " at " + clock;
    const std::string a =
        std::string(kTitles[s.people[0].title].full) + " " + n.first[0] + " " + n.last[0];
    const std::string b =
        std::string(kTitles[s.people[1].title].full) + " " + n.first[1] + " " + n.last[1];
    const std::string_view place = kPlaces[s.place];
    const std::string_view topic = kTopics[s.topic];
    switch (s.predicate) {
    case 0:
      out += a + " met " + b + " in " + std::string(place) + " " + stated + " to discuss " +
             std::string(topic) + ", " + std::string(kOutlets[rng_.below(kOutlets.size())]) + ".";
      break;
    case 1:
      out += a + " called " + b + " from " + std::string(place) + " " + stated + " to discuss " +
             std::string(topic) + ", " + std::string(kOutlets[rng_.below(kOutlets.size())]) + ".";
      break;
    case 2:
      out += a + " and " + b + " visited " + std::string(place) + " " + stated + " to discuss " +
             std::string(topic) + ", " + std::string(kOutlets[rng_.below(kOutlets.size())]) + ".";
      break;
    default:
      out += a + " and " + b + " announced a plan on " + std::string(topic) + " in " +
             std::string(place) + " " + stated + ", " +
             std::string(kOutlets[rng_.below(kOutlets.size())]) + ".";
      break;
    }
    out += "\n\n";
    // Paragraphs: follow-ups about the story mixed with background, about 5 KB in all.
    size_t paragraph = 0;
    while (out.size() < 4800) {
      const size_t sentences = 2 + rng_.below(3);
      for (size_t i = 0; i < sentences; ++i) {
        if (i > 0) {
          out += ' ';
        }
        if (paragraph < 6 && (i == 0 || rng_.chance(0.25))) {
          followUp(out, kFollowUp[rng_.below(kFollowUp.size())], n, s);
        } else {
          background(out, kBackground[rng_.below(kBackground.size())], published);
        }
      }
      out += "\n\n";
      ++paragraph;
    }
    const fs::path path = dir_ / fileName(written_);
    if (written_ % 1000 == 0) {
      fs::create_directories(path.parent_path());
    }
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
      std::cerr << "gen_corpus: cannot write " << path << '\n';
      std::exit(1);
    }
    std::fwrite(out.data(), 1, out.size(), f);
    std::fclose(f);
    bytes_ += out.size();
  }

  void writePlanted(size_t articles) {
    const fs::path path = dir_ / "planted.json";
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
      std::cerr << "gen_corpus: cannot write " << path << '\n';
      std::exit(1);
    }
    // "generator" numbers the way articles are made: a corpus written by an earlier one is
    // regenerated by bench/cold_check.sh.
    std::string out = "{\n  \"generator\": " + std::to_string(kGeneratorVersion) +
                      ",\n  \"articles\": " + std::to_string(articles) +
                      ",\n  \"bytes\": " + std::to_string(bytes_) + ",\n  \"variants\": [\n" +
                      planted_.variants + "\n  ],\n  \"conflicts\": [\n" + planted_.conflicts +
                      "\n  ]\n}\n";
    std::fwrite(out.data(), 1, out.size(), f);
    std::fclose(f);
    std::cout << "gen_corpus: " << articles << " articles, " << bytes_ << " bytes, "
              << planted_.variantCount << " planted variants, " << planted_.conflictCount
              << " planted conflicts in " << dir_.string() << '\n';
  }

  fs::path dir_;
  Rng rng_;
  double variantRate_;
  size_t generatedSurnames_ = kGeneratedSurnames; ///< the pool people's surnames come from
  double conflictRate_;
  size_t written_ = 0;
  size_t bytes_ = 0;
  Planted planted_;
};

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> positional;
  uint64_t seed = 8;
  double variantRate = 0.05;
  double conflictRate = 0.05;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--seed" || a == "--variant-rate" || a == "--conflict-rate") && i + 1 < argc) {
      const std::string v = argv[++i];
      if (a == "--seed") {
        seed = std::strtoull(v.c_str(), nullptr, 10);
      } else if (a == "--variant-rate") {
        variantRate = std::strtod(v.c_str(), nullptr);
      } else {
        conflictRate = std::strtod(v.c_str(), nullptr);
      }
    } else if (a == "--version") {
      std::cout << kGeneratorVersion << '\n'; // what planted.json's "generator" holds
      return 0;
    } else if (a.starts_with("-")) {
      std::cerr << "usage: gen_corpus N DIR [--seed S] [--variant-rate R] [--conflict-rate R]\n"
                   "       gen_corpus --version\n";
      return 2;
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2) {
    std::cerr << "usage: gen_corpus N DIR [--seed S] [--variant-rate R] [--conflict-rate R]\n";
    return 2;
  }
  const size_t n = std::strtoull(positional[0].c_str(), nullptr, 10);
  const fs::path dir = positional[1];
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    std::cerr << "gen_corpus: cannot create " << dir << ": " << ec.message() << '\n';
    return 1;
  }
  Writer(dir, seed, variantRate, conflictRate).run(n);
  return 0;
}
