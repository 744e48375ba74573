# libFuzzer targets for the JSON document, CSV and XLSX readers (clang only, -DPAIRWISE_FUZZ=ON).
if(NOT PAIRWISE_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(WARNING "PAIRWISE_FUZZ needs clang (e.g. CXX=clang++); fuzz targets skipped")
  return()
endif()
# The core must be instrumented too, or the fuzzer sees no coverage inside the readers.
target_compile_options(pairwise_core PRIVATE -fsanitize=fuzzer-no-link,address -g)
foreach(target fuzz_json_documents fuzz_csv_reader fuzz_xlsx_reader)
  add_executable(${target} fuzz/${target}.cpp)
  target_link_libraries(${target} PRIVATE pairwise_core)
  target_compile_options(${target} PRIVATE -fsanitize=fuzzer,address -g)
  target_link_options(${target} PRIVATE -fsanitize=fuzzer,address)
endforeach()
# `ctest` in a fuzz build runs each target for a bounded time over the seed corpus.
add_test(NAME fuzz_json_documents COMMAND fuzz_json_documents -max_total_time=20 -timeout=10
         ${CMAKE_SOURCE_DIR}/fuzz/corpus/json)
add_test(NAME fuzz_csv_reader COMMAND fuzz_csv_reader -max_total_time=20 -timeout=10 ${CMAKE_SOURCE_DIR}/fuzz/corpus/csv)
add_test(NAME fuzz_xlsx_reader COMMAND fuzz_xlsx_reader -max_total_time=20 -timeout=10 -rss_limit_mb=2048
         ${CMAKE_SOURCE_DIR}/fuzz/corpus/xlsx)
