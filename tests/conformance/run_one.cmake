# Runs one conformance script the way ../shared/conformance/README.md says: from the script's folder,
# stdout to a pipe, 10 s timeout, byte-for-byte against NAME.out. It runs with -X showrefcount: a
# passing script must also leave no object behind ("[N refs, 0 objects]" on stderr at exit, after
# the VM cleared its modules), or it fails as a leak. A script listed in the known-failures
# file prints KNOWN-FAILURE (ctest reports it as skipped, with the reason); if it passes anyway, the
# test fails so the list is kept honest.
get_filename_component(dir ${SCRIPT} DIRECTORY)
get_filename_component(base ${SCRIPT} NAME_WE)
execute_process(COMMAND ${INTERP} -X showrefcount ${base}.py
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

# The last "[N refs, M objects]" line of stderr is the exit count.
set(leaked "")
string(REGEX MATCHALL "\\[[0-9]+ refs, [0-9]+ objects\\]" counts "${errors}")
if(counts)
    list(GET counts -1 last_count)
    string(REGEX REPLACE "^\\[[0-9]+ refs, ([0-9]+) objects\\]$" "\\1" leaked "${last_count}")
endif()

if(actual STREQUAL expected)
    if(reason)
        message(FATAL_ERROR "${NAME} now passes: remove it from tests/conformance/known_failures.txt")
    endif()
    if(NOT leaked STREQUAL "0")
        message(FATAL_ERROR "LEAK ${NAME}: output matches, but the object count at exit is "
                            "'${leaked}' (want 0; -X showrefcount)\n--- stderr:\n${errors}")
    endif()
    message("PASS ${NAME} (0 objects left at exit)")
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
