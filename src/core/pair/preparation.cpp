#include "core/pair/preparation.hpp"

#include <algorithm>


namespace pairwise {
namespace {

const QuestionAnswer* answer_to(const std::vector<QuestionAnswer>& answers, const std::string& question,
                                std::size_t position) {
  for (const QuestionAnswer& qa : answers)
    if (qa.question == question) return &qa;
  if (position < answers.size() && answers[position].question.empty()) return &answers[position];
  return nullptr;
}

}  // namespace

bool answers_preparation(const Scheme& scheme, Role side) {
  return side == Role::mentee && !scheme.preparation_questions.empty();
}

std::vector<QuestionAnswer> preparation_form(const Scheme& scheme, const Person& mentee) {
  std::vector<QuestionAnswer> form;
  for (std::size_t i = 0; i < scheme.preparation_questions.size(); ++i) {
    const std::string& question = scheme.preparation_questions[i];
    const QuestionAnswer* stored = answer_to(mentee.preparation, question, i);
    form.push_back(QuestionAnswer{question, stored ? stored->answer : std::string()});
  }
  return form;
}

Person with_preparation(const Scheme& scheme, Person mentee, const std::vector<QuestionAnswer>& answers) {
  std::vector<QuestionAnswer> kept;
  for (std::size_t i = 0; i < scheme.preparation_questions.size(); ++i) {
    const std::string& question = scheme.preparation_questions[i];
    const QuestionAnswer* given = answer_to(answers, question, i);
    if (given && !trim(given->answer).empty()) kept.push_back(QuestionAnswer{question, given->answer});
  }
  mentee.preparation = std::move(kept);
  return mentee;
}

}  // namespace pairwise
