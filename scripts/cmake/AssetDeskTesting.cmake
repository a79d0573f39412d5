# assetdesk_add_test(<name> SOURCES ... LIBS ... LABEL unit|integration|gui
#                    [NEEDS postgres keyring sandbox] [TIMEOUT s])
#
# One Qt Test executable per class under test. Labels let `ctest -L unit` pick a tier.
# NEEDS documents what the environment of scripts/run-tests.sh provides:
#   postgres -> ASSETDESK_TEST_PG_URL (throwaway cluster on a loopback port)
#   keyring  -> a D-Bus session bus with an unlocked gnome-keyring (Secret Service)
#   sandbox  -> ASSETDESK_SANDBOX_EXE, the path of the assetdesk-sandbox binary
#   (and ASSETDESK_CLI_EXE, the path of assetdesk-cli, for tests that drive the CLI)
# Tests never skip themselves when a need is missing: they fail and say what is missing.
function(assetdesk_add_test name)
    cmake_parse_arguments(ARG "" "LABEL;TIMEOUT" "SOURCES;LIBS;NEEDS" ${ARGN})
    if(NOT ARG_LABEL)
        message(FATAL_ERROR "assetdesk_add_test(${name}): LABEL unit|integration|gui is required")
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        ASSETDESK_TEST_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data"
        ASSETDESK_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    assetdesk_apply_options(${name})
    add_test(NAME ${name} COMMAND ${name})
    set(env "QT_QPA_PLATFORM=offscreen" "QT_LOGGING_RULES=assetdesk.*.debug=false")
    if(TARGET assetdesk-sandbox)
        list(APPEND env "ASSETDESK_SANDBOX_EXE=$<TARGET_FILE:assetdesk-sandbox>")
    endif()
    if(TARGET assetdesk-cli)
        list(APPEND env "ASSETDESK_CLI_EXE=$<TARGET_FILE:assetdesk-cli>")
    endif()
    set(labels ${ARG_LABEL})
    foreach(need IN LISTS ARG_NEEDS)
        list(APPEND labels "needs-${need}")
    endforeach()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${labels}" ENVIRONMENT "${env}" TIMEOUT ${ARG_TIMEOUT})
    if("keyring" IN_LIST ARG_NEEDS)
        # One Secret Service per test run, shared by every test: those that write to it take turns
        # (under ctest -j, two tests would otherwise see each other's "account/<id>" entries).
        set_tests_properties(${name} PROPERTIES RESOURCE_LOCK assetdesk-keyring)
    endif()
endfunction()
