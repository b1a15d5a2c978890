# One place for the strict compile options every Portico target gets, and the helpers that
# declare libraries and tests with them.

function(portico_strict_options target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    # GCC 12 reports -Wmaybe-uninitialized inside std::variant's move operations at -O2 (GCC
    # bugs 105593, 107138): false positives in library code that no change of ours can silence.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_FOREACH QT_NO_KEYWORDS
        QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER)
endfunction()

# portico_add_test(NAME tst_x SOURCES a.cpp LIBS portico_core)
function(portico_add_test)
    cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    portico_strict_options(${T_NAME})
    target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} Qt6::Test)
    target_compile_definitions(${T_NAME} PRIVATE
        PORTICO_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        PORTICO_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        PORTICO_CLI_PATH="$<TARGET_FILE:portico-cli>")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set_tests_properties(${T_NAME} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 120)
endfunction()
