# The browser app: app.js + app.wasm + app.data (the font), assembled with web/ into one folder
# (build/<dir>/site) that can be uploaded as it is to any static host.
if(NOT PAIRWISE_DEPS)
  message(FATAL_ERROR "PAIRWISE_DEPS is not set: run scripts/setup.sh and build through scripts/build.sh")
endif()
set(IMGUI_DIR "${PAIRWISE_DEPS}/imgui-1.90.1")
set(SDL2_WASM_PREFIX "${PAIRWISE_DEPS}/sdl2-2.26.5-wasm")
set(PAIRWISE_UI_FONT "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf" CACHE FILEPATH "UI font (TTF)")
foreach(required "${IMGUI_DIR}/imgui.cpp" "${SDL2_WASM_PREFIX}/lib/libSDL2.a" "${PAIRWISE_UI_FONT}")
  if(NOT EXISTS "${required}")
    message(FATAL_ERROR "${required} is missing: run scripts/setup.sh")
  endif()
endforeach()

add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends" "${SDL2_WASM_PREFIX}/include/SDL2")
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

file(GLOB_RECURSE PAIRWISE_APP_SOURCES CONFIGURE_DEPENDS src/app/*.cpp src/platform/*.cpp)
add_executable(app ${PAIRWISE_APP_SOURCES})
target_link_libraries(app PRIVATE pairwise_core imgui "${SDL2_WASM_PREFIX}/lib/libSDL2.a")
target_compile_options(app PRIVATE ${PAIRWISE_WARNINGS})
set(PAIRWISE_JS_LIBRARY "${CMAKE_SOURCE_DIR}/web/platform_library.js")
target_link_options(app PRIVATE
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8
  "--js-library=${PAIRWISE_JS_LIBRARY}"
  "--preload-file=${PAIRWISE_UI_FONT}@/fonts/ui.ttf")
set_target_properties(app PROPERTIES SUFFIX ".js" LINK_DEPENDS "${PAIRWISE_JS_LIBRARY}")

set(PAIRWISE_SITE_DIR "${CMAKE_BINARY_DIR}/site")
file(GLOB PAIRWISE_WEB_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*.html" "${CMAKE_SOURCE_DIR}/web/*.css" "${CMAKE_SOURCE_DIR}/web/*.svg"
     "${CMAKE_SOURCE_DIR}/web/loader.js")
add_custom_command(TARGET app POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E make_directory "${PAIRWISE_SITE_DIR}"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different $<TARGET_FILE_DIR:app>/app.js $<TARGET_FILE_DIR:app>/app.wasm
          $<TARGET_FILE_DIR:app>/app.data ${PAIRWISE_WEB_FILES} "${PAIRWISE_SITE_DIR}"
  COMMENT "Assembling the static site in ${PAIRWISE_SITE_DIR}")
