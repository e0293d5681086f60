# Release-build optimisations, as CPython's release builds (--enable-optimizations --with-lto):
#   MINIPY_PGO  profile-guided optimisation (GCC): an instrumented minipy (-fprofile-generate) is
#               built in <build>/pgo-instrumented, bench/pgo/train.py runs it (the benchmarks scaled
#               down, then the script tests), and its profile (<build>/pgo-profile) is used to
#               compile minipy_compiler, minipy_runtime and minipy here (-fprofile-use). When a
#               source changes, the instrumented binary is rebuilt, the training runs again from an
#               empty profile, and everything compiled with the profile is recompiled: a profile
#               never goes stale.
#   MINIPY_LTO  link-time optimisation of the minipy executable (-flto=auto, fat objects). Off in
#               the quick-start: GCC's linker plug-in (on by default) also runs a whole-program LTO
#               at each unit-test link that uses these libraries (about 1 min CPU each).
# Both are OFF by default (a plain configure is a fast incremental developer build);
# tools/quickstart.sh turns them on for its release build. Debug, sanitizer and fuzz builds never
# use them. Included by the top-level CMakeLists.txt; minipy_optimize(target) applies them.
option(MINIPY_PGO "Profile-guided optimisation (GCC): instrumented build, training, optimised build"
       OFF)
option(MINIPY_LTO "Link-time optimisation of the minipy executable (GCC)" OFF)
# Set only in the instrumented sub-build: 'generate' makes every minipy target write its profile to
# MINIPY_PGO_DIR.
set(MINIPY_PGO_PHASE "" CACHE STRING "internal: 'generate' in the PGO instrumented sub-build")
set(MINIPY_PGO_DIR "" CACHE PATH "internal: where the instrumented sub-build writes its profile")
mark_as_advanced(MINIPY_PGO_PHASE MINIPY_PGO_DIR)

set(minipy_pgo_mode "")
set(minipy_lto OFF)
if(MINIPY_PGO OR MINIPY_LTO OR MINIPY_PGO_PHASE)
    set(minipy_optimize_refused "")
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        set(minipy_optimize_refused "they need GCC (the compiler is ${CMAKE_CXX_COMPILER_ID})")
    elseif(MINIPY_SANITIZE)
        set(minipy_optimize_refused "sanitizer builds never use them")
    elseif(CMAKE_BUILD_TYPE STREQUAL "Debug" OR NOT CMAKE_BUILD_TYPE)
        set(minipy_optimize_refused "Debug builds never use them")
    endif()
    if(minipy_optimize_refused)
        message(WARNING "MINIPY_PGO / MINIPY_LTO ignored: ${minipy_optimize_refused}")
    elseif(MINIPY_PGO_PHASE STREQUAL "generate")
        set(minipy_pgo_mode generate)
    else()
        if(MINIPY_PGO)
            set(minipy_pgo_mode use)
        endif()
        set(minipy_lto ${MINIPY_LTO})
    endif()
endif()

if(minipy_lto)
    # Archives of LTO objects get their symbol index from GCC's plug-in.
    if(CMAKE_CXX_COMPILER_AR AND CMAKE_CXX_COMPILER_RANLIB)
        set(CMAKE_AR ${CMAKE_CXX_COMPILER_AR})
        set(CMAKE_RANLIB ${CMAKE_CXX_COMPILER_RANLIB})
    endif()
    message(STATUS "minipy LTO: on (-flto=auto, fat objects)")
endif()

# minipy_optimize_setup(): the instrumented sub-build and the training run of a MINIPY_PGO build.
# Called by the top-level CMakeLists.txt once every MINIPY_* option is defined (they are all passed
# on to the instrumented build).
macro(minipy_optimize_setup)
    if(minipy_pgo_mode STREQUAL "use")
        find_package(Python3 COMPONENTS Interpreter)
        if(NOT Python3_Interpreter_FOUND)
            message(FATAL_ERROR "MINIPY_PGO=ON needs python3 for the training run "
                                "(bench/pgo/train.py): install python3 or configure with "
                                "-DMINIPY_PGO=OFF")
        endif()
        include(ExternalProject)
        string(TOUPPER "${CMAKE_BUILD_TYPE}" minipy_build_type_upper)
        set(minipy_c_flags_config CMAKE_C_FLAGS_${minipy_build_type_upper})
        set(minipy_cxx_flags_config CMAKE_CXX_FLAGS_${minipy_build_type_upper})
        # Every other MINIPY_* setting of this build (MINIPY_WERROR, MINIPY_MIMALLOC, ...: anything
        # that changes the code) goes to the instrumented build as it is here.
        set(minipy_pgo_forwarded "")
        get_cmake_property(minipy_cache_vars CACHE_VARIABLES)
        foreach(var ${minipy_cache_vars})
            if(var MATCHES "^MINIPY_" AND NOT var MATCHES "^MINIPY_(PGO|LTO|BUILD_)")
                get_property(type CACHE ${var} PROPERTY TYPE)
                list(APPEND minipy_pgo_forwarded "-D${var}:${type}=${${var}}")
            endif()
        endforeach()
        set(MINIPY_PGO_PROFILE ${CMAKE_BINARY_DIR}/pgo-profile)
        set(minipy_pgo_instrumented_dir ${CMAKE_BINARY_DIR}/pgo-instrumented)
        set(minipy_pgo_instrumented ${minipy_pgo_instrumented_dir}/minipy)
        set(MINIPY_PGO_STAMP ${CMAKE_BINARY_DIR}/pgo-profile.stamp)
        # The same compiler, build type and flags as this build: the instrumented and the optimised
        # compilation must see the same code (the same early inlining) for the profile to match.
        ExternalProject_Add(minipy_pgo_instrumented
            SOURCE_DIR ${PROJECT_SOURCE_DIR}
            BINARY_DIR ${minipy_pgo_instrumented_dir}
            PREFIX ${CMAKE_BINARY_DIR}/pgo-instrumented-ep
            CMAKE_GENERATOR ${CMAKE_GENERATOR}
            CMAKE_CACHE_ARGS
                -DCMAKE_BUILD_TYPE:STRING=${CMAKE_BUILD_TYPE}
                -DCMAKE_C_COMPILER:FILEPATH=${CMAKE_C_COMPILER}
                -DCMAKE_CXX_COMPILER:FILEPATH=${CMAKE_CXX_COMPILER}
                -DCMAKE_C_FLAGS:STRING=${CMAKE_C_FLAGS}
                -DCMAKE_CXX_FLAGS:STRING=${CMAKE_CXX_FLAGS}
                -D${minipy_c_flags_config}:STRING=${${minipy_c_flags_config}}
                -D${minipy_cxx_flags_config}:STRING=${${minipy_cxx_flags_config}}
                -DCMAKE_EXE_LINKER_FLAGS:STRING=${CMAKE_EXE_LINKER_FLAGS}
                ${minipy_pgo_forwarded}
                -DMINIPY_BUILD_TESTS:BOOL=OFF
                -DMINIPY_BUILD_BENCH:BOOL=OFF
                -DMINIPY_PGO:BOOL=OFF
                -DMINIPY_LTO:BOOL=OFF
                -DMINIPY_PGO_PHASE:STRING=generate
                -DMINIPY_PGO_DIR:PATH=${MINIPY_PGO_PROFILE}
            BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --target minipy
            BUILD_ALWAYS TRUE
            BUILD_BYPRODUCTS ${minipy_pgo_instrumented}
            INSTALL_COMMAND ""
            TEST_COMMAND "")
        # A fresh profile for every new instrumented binary: the old counters are removed first.
        add_custom_command(
            OUTPUT ${MINIPY_PGO_STAMP}
            COMMAND ${CMAKE_COMMAND} -E rm -rf ${MINIPY_PGO_PROFILE}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${MINIPY_PGO_PROFILE}
            COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/bench/pgo/train.py
                    ${minipy_pgo_instrumented}
            COMMAND ${CMAKE_COMMAND} -E touch ${MINIPY_PGO_STAMP}
            DEPENDS ${minipy_pgo_instrumented} ${PROJECT_SOURCE_DIR}/bench/pgo/train.py
            COMMENT "PGO: training run of the instrumented minipy (bench/pgo/train.py)"
            USES_TERMINAL
            VERBATIM)
        add_custom_target(minipy_pgo_profile DEPENDS ${MINIPY_PGO_STAMP})
        add_dependencies(minipy_pgo_profile minipy_pgo_instrumented)
        message(STATUS "minipy PGO: on (instrumented build in ${minipy_pgo_instrumented_dir}, "
                       "profile in ${MINIPY_PGO_PROFILE})")
    elseif(minipy_pgo_mode STREQUAL "generate")
        message(STATUS "minipy PGO: instrumented build, profile written to ${MINIPY_PGO_DIR}")
    endif()
endmacro()

# Flow-sensitive warnings change with the inlining and unrolling that a profile or LTO brings; in
# those builds they stay warnings (the plain -Werror build still reports them as errors).
set(minipy_optimizer_warnings -Wno-error=maybe-uninitialized -Wno-error=array-bounds
    -Wno-error=stringop-overflow -Wno-error=stringop-overread -Wno-error=null-dereference
    -Wno-error=free-nonheap-object -Wno-error=use-after-free)

# minipy_optimize(target): PGO and LTO flags for one of minipy's own targets (the compiler and
# runtime libraries and the minipy executable).
function(minipy_optimize target)
    if(minipy_pgo_mode STREQUAL "generate")
        # minipy runs threads: atomic counter updates keep the profile consistent.
        target_compile_options(${target} PRIVATE -fprofile-generate=${MINIPY_PGO_DIR}
            -fprofile-update=atomic -fprofile-prefix-path=${CMAKE_BINARY_DIR}
            ${minipy_optimizer_warnings})
        target_link_options(${target} PRIVATE -fprofile-generate=${MINIPY_PGO_DIR}
            -fprofile-update=atomic)
    elseif(minipy_pgo_mode STREQUAL "use")
        # -fprofile-partial-training: code the training never ran is optimised as without a
        # profile, not for size. A mismatching function (never expected: the profile is rebuilt
        # with the sources) is a warning and is compiled without its profile, never an error.
        target_compile_options(${target} PRIVATE -fprofile-use=${MINIPY_PGO_PROFILE}
            -fprofile-prefix-path=${CMAKE_BINARY_DIR} -fprofile-partial-training
            -Wno-missing-profile -Wno-error=coverage-mismatch ${minipy_optimizer_warnings})
        add_dependencies(${target} minipy_pgo_profile)
        # Each object is recompiled when a new profile is written.
        get_target_property(sources ${target} SOURCES)
        get_target_property(source_dir ${target} SOURCE_DIR)
        set(absolute "")
        set(generated "")
        foreach(source ${sources})
            if(source MATCHES "\\.(c|cc|cpp)$")
                get_filename_component(source ${source} ABSOLUTE BASE_DIR ${source_dir})
                list(APPEND absolute ${source})
                string(FIND "${source}" "${CMAKE_BINARY_DIR}/" at)
                if(at EQUAL 0)
                    list(APPEND generated ${source})
                endif()
            endif()
        endforeach()
        set_property(SOURCE ${absolute} TARGET_DIRECTORY ${target} APPEND PROPERTY
                     OBJECT_DEPENDS ${MINIPY_PGO_STAMP})
        # A generated source (the Bison parser) lies in each build's own folder: its file name
        # differs between the instrumented and this build, so GCC warns that the "source locations
        # have changed" (it still uses the profile: only the control flow must match).
        if(generated)
            set_property(SOURCE ${generated} TARGET_DIRECTORY ${target} APPEND PROPERTY
                         COMPILE_OPTIONS -Wno-coverage-mismatch)
        endif()
    endif()
    if(minipy_lto)
        target_compile_options(${target} PRIVATE -flto=auto -ffat-lto-objects
                                                 ${minipy_optimizer_warnings})
        get_target_property(type ${target} TYPE)
        if(type STREQUAL "EXECUTABLE")
            target_link_options(${target} PRIVATE -flto=auto ${minipy_optimizer_warnings})
        endif()
    endif()
endfunction()
