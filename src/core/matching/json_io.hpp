// JSON in / JSON and CSV out for `pairwise match` (the CLI is a thin wrapper around these).
//
// Input: {"criteria": {"weights": {"topics": 3, ...}, "hard": ["language"],
//          "min_values": {"time_zone": 50}, "minimum_score": 1, "ideal_experience_gap": 10,
//          "forbid_same_organisation": true, "forbid_line_management": true},
//         "mentees": [profile...], "mentors": [profile...],
//         "forbidden": [{"mentee": id, "mentor": id}], "locked": [{"mentee": id, "mentor": id}]}
// profile: {"id", "email", "name", "topics": [0..63], "languages": [0..63], "country": "GB",
//           "region": int, "utc_offset_minutes": int, "experience_years": int,
//           "organisation": int, "line_manager": id, "face_to_face": bool, "location": int,
//           "capacity": int, "current_load": int, "ranking": [ids on the other side]}
// Criteria names: topics, language, geography, time_zone, experience, face_to_face,
// mentee_preference, mentor_preference. Missing criteria keep default_criteria().
#pragma once

#include <string>

#include "core/matching/matcher.hpp"

namespace pairwise::matching {

// Parses the input; returns false with a message on malformed input (never throws).
bool parse_matching_input(const std::string& json_text, MatchingInput& out, std::string& error);

// Runs the matcher and returns the proposals as JSON ({"error": ...} on bad input).
std::string match_json(const std::string& json_text, const MatchOptions& options = {});

std::string result_to_json(const MatchingInput& input, const MatchResult& result);

// One row per proposed pair (with the breakdown per criterion) and per unmatched mentee.
std::string proposals_csv(const MatchingInput& input, const MatchResult& result);

}  // namespace pairwise::matching
