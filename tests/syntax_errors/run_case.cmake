# Runs one bad program under minipy (-DINTERP, -DSCRIPT: absolute paths) and checks that stderr is
# exactly CPython 3.11's (SCRIPT with .err for .py, the folder's path written @DIR@) and that the
# exit code is 1.
get_filename_component(dir ${SCRIPT} DIRECTORY)
string(REGEX REPLACE "\\.py$" ".err" expected_file ${SCRIPT})
execute_process(COMMAND ${INTERP} ${SCRIPT} WORKING_DIRECTORY ${dir}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REPLACE "${dir}" "@DIR@" err "${err}")
file(READ ${expected_file} expected)
set(failed FALSE)
if(NOT rc EQUAL 1)
    message("exit code ${rc}, expected 1")
    set(failed TRUE)
endif()
if(NOT err STREQUAL expected)
    message("stderr differs.\n--- expected (CPython 3.11):\n${expected}--- minipy:\n${err}---")
    set(failed TRUE)
endif()
if(failed)
    message(FATAL_ERROR "FAILED: ${SCRIPT}")
endif()
