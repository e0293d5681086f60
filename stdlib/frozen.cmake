# Frozen modules: every stdlib/py/**/*.py is embedded into minipy_runtime at build time as a
# generated C++ file (a build product, never committed) defining stdlib::frozen_modules().
# Included by the top-level CMakeLists.txt after minipy_runtime is defined.
file(GLOB_RECURSE MINIPY_FROZEN_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/py/*.py)
set(MINIPY_FROZEN_CPP ${CMAKE_CURRENT_BINARY_DIR}/generated/frozen_modules.cpp)
add_custom_command(
    OUTPUT ${MINIPY_FROZEN_CPP}
    COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_CURRENT_LIST_DIR}/py -DOUTPUT=${MINIPY_FROZEN_CPP}
            -P ${CMAKE_CURRENT_LIST_DIR}/embed_frozen.cmake
    DEPENDS ${MINIPY_FROZEN_SOURCES} ${CMAKE_CURRENT_LIST_DIR}/embed_frozen.cmake
    COMMENT "Embedding frozen Python modules"
    VERBATIM)
target_sources(minipy_runtime PRIVATE ${MINIPY_FROZEN_CPP})
set_source_files_properties(${MINIPY_FROZEN_CPP} PROPERTIES COMPILE_OPTIONS -Wno-overlength-strings)
