#pragma once
// The application's own version, shown in the UI and written into every exported document.
namespace pairwise {
const char* app_version();
}
