# The browser app: app.js + app.wasm + app.data (the font), assembled with web/ into one folder
# (build/wasm/site) that can be uploaded as it is to any static host. A test flavour of the same app
# (build/wasm/site-test) also publishes every widget's label and rectangle for the browser suite.
if(NOT PAIRWISE_DEPS)
  message(FATAL_ERROR "PAIRWISE_DEPS is not set: run scripts/setup.sh and build through scripts/build.sh")
endif()
set(IMGUI_DIR "${PAIRWISE_DEPS}/imgui-1.90.1")
set(SDL2_WASM_PREFIX "${PAIRWISE_DEPS}/sdl2-2.26.5-wasm")
set(PAIRWISE_UI_FONT "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf" CACHE FILEPATH "UI font (TTF)")
# Fonts for the scripts the UI font lacks, served next to the app in fonts/ and fetched only when
# such text appears (src/app/ui_fonts.cpp): Chinese, Japanese, Korean (WenQuanYi Micro Hei, 5 MB),
# then Noto's Devanagari, Thai, Arabic and Hebrew.
set(PAIRWISE_NOTO_DIR "/usr/share/fonts/truetype/noto")
set(PAIRWISE_SCRIPT_FONTS
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc=cjk.ttc"
    "${PAIRWISE_NOTO_DIR}/NotoSansDevanagari-Regular.ttf=devanagari.ttf"
    "${PAIRWISE_NOTO_DIR}/NotoSansThai-Regular.ttf=thai.ttf"
    "${PAIRWISE_NOTO_DIR}/NotoSansArabic-Regular.ttf=arabic.ttf"
    "${PAIRWISE_NOTO_DIR}/NotoSansHebrew-Regular.ttf=hebrew.ttf")
set(PAIRWISE_SCRIPT_FONT_COPIES)
foreach(entry ${PAIRWISE_SCRIPT_FONTS})
  string(REPLACE "=" ";" parts "${entry}")
  list(GET parts 0 font_source)
  list(GET parts 1 font_name)
  if(NOT EXISTS "${font_source}")
    message(FATAL_ERROR "${font_source} is missing: run scripts/setup.sh")
  endif()
  list(APPEND PAIRWISE_SCRIPT_FONT_COPIES COMMAND ${CMAKE_COMMAND} -E copy_if_different "${font_source}"
       "@SITE_DIR@/fonts/${font_name}")
endforeach()
foreach(required "${IMGUI_DIR}/imgui.cpp" "${SDL2_WASM_PREFIX}/lib/libSDL2.a" "${PAIRWISE_UI_FONT}")
  if(NOT EXISTS "${required}")
    message(FATAL_ERROR "${required} is missing: run scripts/setup.sh")
  endif()
endforeach()

set(IMGUI_SOURCES
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp" "${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")
file(GLOB_RECURSE PAIRWISE_APP_SOURCES CONFIGURE_DEPENDS src/app/*.cpp src/platform/*.cpp)
list(FILTER PAIRWISE_APP_SOURCES EXCLUDE REGEX "/src/app/testing/")
set(PAIRWISE_JS_LIBRARIES "${CMAKE_SOURCE_DIR}/web/platform_library.js" "${CMAKE_SOURCE_DIR}/web/storage_library.js"
    "${CMAKE_SOURCE_DIR}/web/files_library.js" "${CMAKE_SOURCE_DIR}/web/lock_library.js"
    "${CMAKE_SOURCE_DIR}/web/semantics_library.js")
list(TRANSFORM PAIRWISE_JS_LIBRARIES PREPEND "--js-library=" OUTPUT_VARIABLE PAIRWISE_JS_LIBRARY_FLAGS)
file(GLOB PAIRWISE_WEB_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*.html" "${CMAKE_SOURCE_DIR}/web/*.css"
     "${CMAKE_SOURCE_DIR}/web/*.svg" "${CMAKE_SOURCE_DIR}/web/*.webmanifest" "${CMAKE_SOURCE_DIR}/web/loader.js"
     "${CMAKE_SOURCE_DIR}/web/service_worker.js" "${CMAKE_SOURCE_DIR}/web/service_worker_register.js")

# Dear ImGui and the app's own sources are compiled once and linked into both flavours: only the
# item capture file (and the exports it adds) differs between them.
add_library(pairwise_app_imgui STATIC ${IMGUI_SOURCES})
target_include_directories(pairwise_app_imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends" "${IMGUI_DIR}/misc/cpp"
                           "${SDL2_WASM_PREFIX}/include/SDL2")
# 32-bit characters: with ImGui's default 16-bit ImWchar, InputText edits text as UTF-16 code
# units it cannot pair, so any character above U+FFFF (𠮷, emoji) became U+FFFD once edited.
# Dear ImGui's item hooks feed the semantics layer (src/app/semantics.cpp) in both flavours: a
# screen reader needs every item's role, name and rectangle in production too.
target_compile_definitions(pairwise_app_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_USE_WCHAR32
                           IMGUI_ENABLE_TEST_ENGINE)
add_library(pairwise_app_objects OBJECT ${PAIRWISE_APP_SOURCES})
target_link_libraries(pairwise_app_objects PUBLIC pairwise_core pairwise_app_imgui)
target_compile_options(pairwise_app_objects PRIVATE ${PAIRWISE_WARNINGS})

function(pairwise_web_app target site_dir test_flavour)
  string(REPLACE "@SITE_DIR@" "${site_dir}" font_copies "${PAIRWISE_SCRIPT_FONT_COPIES}")
  if(test_flavour)
    set(capture src/app/testing/item_capture_on.cpp)
    set(test_exports ",_pairwise_test_missing_glyphs")
  else()
    set(capture src/app/testing/item_capture_off.cpp)
    set(test_exports "")
  endif()
  add_executable(${target} ${capture})
  add_dependencies(${target} matching_worker)
  target_link_libraries(${target} PRIVATE pairwise_app_objects pairwise_core pairwise_app_imgui
                        "${SDL2_WASM_PREFIX}/lib/libSDL2.a")
  target_compile_options(${target} PRIVATE ${PAIRWISE_WARNINGS})
  target_link_options(${target} PRIVATE
    -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB
    -sEXPORTED_FUNCTIONS=_main,_malloc,_free,_pairwise_on_text_input,_pairwise_on_storage_state,_pairwise_on_storage_loaded,_pairwise_on_storage_external_change,_pairwise_flush_now,_pairwise_on_storage_saved,_pairwise_on_storage_write_failed,_pairwise_on_files_opened,_pairwise_on_site_file,_pairwise_on_lock_sealed,_pairwise_on_lock_opened,_pairwise_on_semantics_request${test_exports}
    -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8
    ${PAIRWISE_JS_LIBRARY_FLAGS}
    "--preload-file=${PAIRWISE_UI_FONT}@/fonts/ui.ttf")
  # Both flavours are called app.js/app.wasm inside their own site folder.
  set_target_properties(${target} PROPERTIES SUFFIX ".js" OUTPUT_NAME app
                        RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/${target}-out"
                        LINK_DEPENDS "${PAIRWISE_JS_LIBRARIES}")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E make_directory "${site_dir}"
    COMMAND ${CMAKE_COMMAND} -E copy_if_different $<TARGET_FILE_DIR:matching_worker>/matching_worker.js
            $<TARGET_FILE_DIR:matching_worker>/matching_worker.wasm "${site_dir}"
    COMMAND ${CMAKE_COMMAND} -E copy_if_different $<TARGET_FILE_DIR:${target}>/app.js
            $<TARGET_FILE_DIR:${target}>/app.wasm $<TARGET_FILE_DIR:${target}>/app.data ${PAIRWISE_WEB_FILES} "${site_dir}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${site_dir}/fonts"
    ${font_copies}
    COMMENT "Assembling the static site in ${site_dir}")
endfunction()

# The matching worker: the same core, built as a Web Worker that both sites load from their folder.
add_executable(matching_worker src/worker/matching_worker.cpp)
target_link_libraries(matching_worker PRIVATE pairwise_core)
target_compile_options(matching_worker PRIVATE ${PAIRWISE_WARNINGS})
target_link_options(matching_worker PRIVATE -sBUILD_AS_WORKER=1 -sEXPORTED_FUNCTIONS=_pairwise_match_in_worker
                    -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB)
set_target_properties(matching_worker PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/matching_worker-out")

pairwise_web_app(app "${CMAKE_BINARY_DIR}/site" OFF)
pairwise_web_app(app_test "${CMAKE_BINARY_DIR}/site-test" ON)
