# Runs one script test: INTERP SCRIPT; compares stdout with the `# expect: ` lines of SCRIPT.
# A line `# expect-exit: N` sets the expected exit code (default 0).
# The script is read whole and split on newlines by hand: `[`, `]` and `;` (which CMake's list
# handling would interpret) are masked first and restored per line, and non-ASCII text is kept.
file(READ ${SCRIPT} content)
string(REPLACE "[" "<minipy-lb>" content "${content}")
string(REPLACE "]" "<minipy-rb>" content "${content}")
string(REPLACE ";" "<minipy-sc>" content "${content}")
string(REPLACE "\n" ";" lines "${content}")
set(expected "")
set(expected_exit 0)
foreach(line IN LISTS lines)
    if(line MATCHES "# expect: (.*)$")
        set(text "${CMAKE_MATCH_1}")
        string(REPLACE "<minipy-lb>" "[" text "${text}")
        string(REPLACE "<minipy-rb>" "]" text "${text}")
        string(REPLACE "<minipy-sc>" ";" text "${text}")
        string(APPEND expected "${text}\n")
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
