# Runs one conformance script the way ../shared/conformance/README.md says: from the script's folder,
# stdout to a pipe, 10 s timeout, byte-for-byte against NAME.out. A script listed in the known-failures
# file prints KNOWN-FAILURE (ctest reports it as skipped, with the reason); if it passes anyway, the
# test fails so the list is kept honest.
get_filename_component(dir ${SCRIPT} DIRECTORY)
get_filename_component(base ${SCRIPT} NAME_WE)
execute_process(COMMAND ${INTERP} ${base}.py
                WORKING_DIRECTORY ${dir}
                TIMEOUT 10
                OUTPUT_VARIABLE actual
                ERROR_VARIABLE errors
                RESULT_VARIABLE status)
file(READ ${dir}/${base}.out expected)

set(reason "")
if(EXISTS ${KNOWN_FAILURES})
    file(STRINGS ${KNOWN_FAILURES} lines)
    foreach(line ${lines})
        if(line MATCHES "^${NAME}[ \t]+(.*)$")
            set(reason "${CMAKE_MATCH_1}")
        endif()
    endforeach()
endif()

if(actual STREQUAL expected)
    if(reason)
        message(FATAL_ERROR "${NAME} now passes: remove it from tests/conformance/known_failures.txt")
    endif()
    message("PASS ${NAME}")
    return()
endif()
if(reason)
    message("KNOWN-FAILURE: ${NAME}: ${reason}")
    return()
endif()
string(LENGTH "${errors}" error_length)
if(error_length GREATER 3000)
    string(SUBSTRING "${errors}" 0 3000 errors)
endif()
message(FATAL_ERROR "FAIL ${NAME} (exit status ${status})\n--- stderr:\n${errors}\n--- expected:\n${expected}\n--- actual:\n${actual}")
