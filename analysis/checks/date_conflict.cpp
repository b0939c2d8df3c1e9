// date-conflict: two passages (usually two sources) date the same event differently.
#include "newslint/analysis/checks.h"

#include <string>

namespace newslint::analysis {

namespace {

std::string distance(int64_t minutes) {
  if (minutes < 120) {
    return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
  }
  if (minutes < 2 * 1440) {
    const int64_t hours = (minutes + 30) / 60;
    return std::to_string(hours) + " hours";
  }
  const int64_t days = (minutes + 720) / 1440;
  return std::to_string(days) + " days";
}

std::string stated(const ResolvedTime& t) {
  return "`" + t.text + "` = " + describeInterval(t.resolution.interval, t.resolution.granularity);
}

Finding sideOf(const DateIndex& index, const ClaimLink& link, bool firstSide) {
  const Claim& here = index.claims[firstSide ? link.a : link.b];
  const Claim& there = index.claims[firstSide ? link.b : link.a];
  const ResolvedTime& mine = index.times[firstSide ? link.timeA : link.timeB];
  const ResolvedTime& theirs = index.times[firstSide ? link.timeB : link.timeA];
  Finding f;
  f.code = "date-conflict";
  f.primary = Location{mine.document, mine.span};
  f.flagged = mine.text;
  const std::string other =
      there.document == here.document ? "another passage of this article" : there.document;
  f.message = stated(mine) + " here, but " + other + " says " + stated(theirs) +
              " for the same event (" + distance(link.gapMinutes) + " apart)";
  f.related.push_back(
      {Location{theirs.document, theirs.span},
       "the same event dated " +
           describeInterval(theirs.resolution.interval, theirs.resolution.granularity) + ": " +
           there.sentenceText});
  for (const std::string& e : link.evidence) {
    f.evidence.push_back(e);
  }
  f.evidence.push_back("here: " + here.sentenceText);
  f.evidence.push_back("there: " + there.sentenceText);
  if (!mine.resolution.inference.empty()) {
    f.evidence.push_back("this date: " + mine.resolution.inference);
  }
  if (!theirs.resolution.inference.empty()) {
    f.evidence.push_back("the other date: " + theirs.resolution.inference);
  }
  // When this document's anchor was not known, offer to record its publication date.
  if (const DocumentAnchor* anchor = index.anchorOf(mine.document);
      anchor != nullptr && !anchor->published && anchor->latestMentioned) {
    Fix fix;
    fix.title = "Record the publication date of " + mine.document +
                " in the register (on or after " + formatDate(*anchor->latestMentioned) +
                ", the latest date it mentions)";
    fix.registerChange = RegisterChange{RegisterChange::Kind::SetPublished, mine.document,
                                        formatDate(*anchor->latestMentioned)};
    f.fixes.push_back(std::move(fix));
  }
  f.data["value"] = mine.resolution.value;
  f.data["otherValue"] = theirs.resolution.value;
  f.data["otherDocument"] = theirs.document;
  f.data["gapMinutes"] = std::to_string(link.gapMinutes);
  return f;
}

} // namespace

void runDateConflict(const CheckContext& context, std::vector<Finding>& out) {
  const DateIndex& index = context.dates;
  for (const ClaimLink& link : index.links) {
    if (link.agree) {
      continue;
    }
    out.push_back(sideOf(index, link, true));
    out.push_back(sideOf(index, link, false));
  }
}

} // namespace newslint::analysis
