// The messages between the app and the matching worker (the same core compiled as a Web Worker,
// so a large cohort is matched without freezing the page). Unlike json_io, which is meant for
// people, these round-trip every field exactly: the app sends a MatchingInput and gets back the
// MatchResult the worker computed, as if it had called match() itself.
#pragma once

#include <string>

#include "core/matching/matcher.hpp"

namespace pairwise::matching {

std::string encode_matching_request(const MatchingInput& input, const MatchOptions& options);
// False with a message if the text is not a request this version wrote.
bool decode_matching_request(const std::string& text, MatchingInput& input, MatchOptions& options, std::string& error);

std::string encode_matching_reply(const MatchResult& result);
bool decode_matching_reply(const std::string& text, MatchResult& result, std::string& error);

// What the worker does with one request: decode, match, encode (an error reply on bad input).
std::string answer_matching_request(const std::string& request);

// A small cohort cut from `cohort` (its first mentees and mentors, its criteria and goal; no locks
// or exclusions, which name people left out) for the worker to match once when it starts, its
// answer thrown away. The browser compiles WebAssembly quickly first and optimises a function
// only once it has run a while, so without this the coordinator's first real run paid for the
// unoptimised code: its scoring took about 1.6 times as long as the next run's.
MatchingInput warm_up_input(const MatchingInput& cohort, std::size_t mentees = 600, std::size_t mentors = 240);

}  // namespace pairwise::matching
