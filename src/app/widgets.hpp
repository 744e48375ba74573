#pragma once
// Small building blocks the screens share, so every form looks and behaves the same way.
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace pairwise::app {

// Text as it is painted (core/text/bidi_display): right-to-left lines in display order and Arabic
// letters joined; the same string when it has no right-to-left character. Screen readers and the
// test flavour are given the text itself. Every widget below paints through these.
const std::string& painted(const std::string& text);
// A label for ImGui::Button, Selectable, RadioButton, …: the label itself, or "painted###label",
// so the item keeps one id whatever it shows and its name (app/item_label.hpp) reads in order.
std::string painted_label(const char* label);

void screen_title(const char* title, const char* subtitle = nullptr);
void section_heading(const char* text);
// Wrapped body text at a comfortable reading width.
void paragraph(const char* text);
void help_text(const char* text);
// A bullet point whose text wraps at the window's edge (long names, file names, findings), read
// as text by a screen reader.
void bullet_wrapped(const std::string& text);
void error_text(const std::string& text);
// Text drawn by a screen, read by a screen reader too (plain ImGui::Text* is drawn on the canvas
// only): a line, a printf-style line, a muted one, a wrapped one, a bullet point.
void text_line(const std::string& text);
void text_format(const char* format, ...) IM_FMTARGS(1);
void muted_format(const char* format, ...) IM_FMTARGS(1);
void wrapped_format(const char* format, ...) IM_FMTARGS(1);
void bullet_format(const char* format, ...) IM_FMTARGS(1);

// A labelled single-line field; the label sits above the box. Returns true when edited.
// A field's label, with what is wrong with it beside it in the error colour.
void label_with_problem(const char* label, const std::string& error = {});
bool text_field(const char* label, std::string& value, const char* hint = "", const std::string& error = {});
// A multi-line field whose text wraps at the field's width (the breaks it shows are not stored).
bool text_area(const char* label, std::string& value, float lines = 4, const std::string& error = {});
// What a copy (or cut) from the field being edited puts on the clipboard: the text itself, without
// the line breaks wrapping showed in it.
std::string copied_without_soft_breaks(const char* copied);
// A comma- or semicolon-separated list edited as one line ("Spanish; English").
bool list_field(const char* label, std::vector<std::string>& values, const char* hint = "",
                const std::string& error = {});
bool int_field(const char* label, int& value, int min_value, int max_value);
// A whole number that may be unanswered: blank until the person types one (a 0 drawn for "no
// answer" would be a value on screen that is not the stored value), cleared back to unanswered.
bool optional_int_field(const char* label, std::optional<int>& value, int min_value, int max_value,
                        const std::string& error = {});

// A primary action button; disabled buttons explain why in a tooltip.
bool button(const char* label, bool enabled = true, const char* why_disabled = nullptr);

}  // namespace pairwise::app

namespace pairwise::app {

// ImGui::BeginCombo with no visible label (the table or text beside it names it) that the browser
// tests can still find by `name`. Close with ImGui::EndCombo() when it returns true.
bool begin_combo(const std::string& name, const char* preview);
// ImGui::RadioButton that screen readers hear as a radio button with its state.
bool radio_button(const char* label, bool active);
// ImGui::BeginCombo with its visible label, heard as a combo box with its current choice (Dear
// ImGui's item hooks see no name for a combo). Close with ImGui::EndCombo() when it returns true.
bool labelled_combo(const char* label, const char* preview);
// ImGui::SliderInt heard as a slider with its value and range (its hook reports a text field).
bool slider_int(const char* label, int& value, int min_value, int max_value, const char* format);
// Names the text field just drawn straight with ImGui::InputText (its label hidden or only an id
// tag) and gives its current value, as screen readers should hear it.
void describe_text_input(const std::string& name, const std::string& value);

// A question that must be answered before something that cannot be taken back: open it with
// ImGui::OpenPopup(id). Esc cancels; Enter confirms unless `enter_confirms` is false (deleting
// notes asks for the click). With `reason`, a text field asks why (kept with the change). Returns
// true once, on the frame the person confirms.
struct ConfirmOptions {
  std::string* reason = nullptr;
  const char* reason_label = "Reason (optional)";
  const char* cancel_label = "Cancel";
  bool enter_confirms = true;
};
bool confirm_dialog(const char* id, const std::string& question, const char* confirm_label,
                    const ConfirmOptions& options = {});

}  // namespace pairwise::app
