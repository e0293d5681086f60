# Runs one script test: INTERP SCRIPT; compares stdout with the `# expect: ` lines of SCRIPT.
# A line `# expect-exit: N` sets the expected exit code (default 0).
file(STRINGS ${SCRIPT} lines)
set(expected "")
set(expected_exit 0)
foreach(line IN LISTS lines)
    if(line MATCHES "# expect: (.*)$")
        string(APPEND expected "${CMAKE_MATCH_1}\n")
    elseif(line MATCHES "# expect-exit: ([0-9]+)")
        set(expected_exit ${CMAKE_MATCH_1})
    endif()
endforeach()
get_filename_component(dir ${SCRIPT} DIRECTORY)
execute_process(COMMAND ${INTERP} ${SCRIPT} WORKING_DIRECTORY ${dir}
                OUTPUT_VARIABLE actual ERROR_VARIABLE errors RESULT_VARIABLE code
                TIMEOUT 20)
if(NOT code EQUAL expected_exit)
    message(FATAL_ERROR "exit code ${code}, expected ${expected_exit}\nstderr:\n${errors}")
endif()
if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "stdout differs\n--- expected\n${expected}--- actual\n${actual}--- stderr\n${errors}")
endif()
