# Matching benchmark (native, and as WASM when configured with emcmake).
add_executable(matching_bench bench/matching_bench.cpp)
target_link_libraries(matching_bench PRIVATE pairwise_core)
target_include_directories(matching_bench PRIVATE ${CMAKE_SOURCE_DIR})
target_compile_options(matching_bench PRIVATE ${PAIRWISE_WARNINGS})
if(EMSCRIPTEN)
  target_link_options(matching_bench PRIVATE -O3 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB
                      -sNODERAWFS=1 -sEXIT_RUNTIME=1)
endif()

# XLSX reader benchmark: a 5,000-answer survey workbook (bench/xlsx_bench.cpp).
add_executable(xlsx_bench bench/xlsx_bench.cpp)
target_link_libraries(xlsx_bench PRIVATE pairwise_core)
target_compile_options(xlsx_bench PRIVATE ${PAIRWISE_WARNINGS})
if(EMSCRIPTEN)
  target_link_options(xlsx_bench PRIVATE -O3 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sEXIT_RUNTIME=1)
endif()
