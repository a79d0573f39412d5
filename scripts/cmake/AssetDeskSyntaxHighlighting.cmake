# KSyntaxHighlighting for Qt 6 (the workbench's JSON viewer uses it).
#
# Result: the target AssetDesk::SyntaxHighlighting, which links whichever build was found. Link
# that one name; include <KSyntaxHighlighting/Repository> etc. ASSETDESK_SYNTAXHIGHLIGHTING_TARGET
# names the underlying target (KF6::SyntaxHighlighting or KF5::SyntaxHighlighting).
#
# Search order:
#   1. KF6SyntaxHighlighting (KF6 is Qt 6 only; it needs Qt >= 6.5, so not on stock Debian 12).
#   2. KF5SyntaxHighlighting built for Qt 6: KF5SyntaxHighlighting_DIR if set, then the per-user
#      cache that scripts/build-ksyntaxhighlighting.sh fills, then CMAKE_PREFIX_PATH, /usr/local,
#      /usr. A KF5 build for Qt 5 (Debian's libkf5syntaxhighlighting-dev) is recognised by its
#      config file and never loaded: it would drag Qt 5 into the build.
#   3. Nothing suitable: with ASSETDESK_BUILD_SYNTAXHIGHLIGHTING=ON (the default) the configure
#      step runs scripts/build-ksyntaxhighlighting.sh itself (download from the Debian archive in
#      the machine's apt sources, SHA-256 check, about 30 s of build, cached per user and reused
#      afterwards), then uses that. With OFF it stops and names the script to run.
#
# ASSETDESK_DEPS_DIR (cache variable, default $ASSETDESK_DEPS_DIR, else
# ${XDG_CACHE_HOME:-$HOME/.cache}/assetdesk/deps) is where the script keeps its build.

option(ASSETDESK_BUILD_SYNTAXHIGHLIGHTING
    "Build KSyntaxHighlighting for Qt 6 from source at configure time when no Qt 6 build is installed" ON)

set(_ad_ksh_version 5.116.0)
if(DEFINED ENV{ASSETDESK_DEPS_DIR} AND NOT "$ENV{ASSETDESK_DEPS_DIR}" STREQUAL "")
    set(_ad_deps_default "$ENV{ASSETDESK_DEPS_DIR}")
elseif(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
    set(_ad_deps_default "$ENV{XDG_CACHE_HOME}/assetdesk/deps")
else()
    set(_ad_deps_default "$ENV{HOME}/.cache/assetdesk/deps")
endif()
set(ASSETDESK_DEPS_DIR "${_ad_deps_default}" CACHE PATH
    "Per-user cache of third-party builds (scripts/build-ksyntaxhighlighting.sh)")
set(_ad_ksh_prefix "${ASSETDESK_DEPS_DIR}/ksyntaxhighlighting-${_ad_ksh_version}-qt6")
set(_ad_ksh_script "${CMAKE_CURRENT_LIST_DIR}/../build-ksyntaxhighlighting.sh")
cmake_path(NORMAL_PATH _ad_ksh_script)

# The static KF5 build links Qt6::Network privately; its config file only looks for Core and Gui.
find_package(Qt6 REQUIRED COMPONENTS Core Gui Network)

# Qt major version a KF5SyntaxHighlightingConfig.cmake was built for (5 or 6; "" if unknown).
function(_ad_ksh_config_qt_major config out_var)
    file(STRINGS "${config}" deps REGEX "find_dependency\\(Qt[56]")
    set(major "")
    if(deps MATCHES "Qt6")
        set(major 6)
    elseif(deps MATCHES "Qt5")
        set(major 5)
    endif()
    set(${out_var} "${major}" PARENT_SCOPE)
endfunction()

# First directory among the candidates holding a KF5SyntaxHighlightingConfig.cmake built for Qt 6.
# Qt 5 builds found on the way are listed in ${out_var}_QT5.
function(_ad_ksh_find_qt6_kf5_dir out_var)
    set(dirs "")
    if(KF5SyntaxHighlighting_DIR)
        list(APPEND dirs "${KF5SyntaxHighlighting_DIR}")
    endif()
    foreach(prefix IN LISTS ARGN CMAKE_PREFIX_PATH ITEMS /usr/local /usr)
        foreach(libdir "lib/${CMAKE_LIBRARY_ARCHITECTURE}" lib lib64)
            list(APPEND dirs "${prefix}/${libdir}/cmake/KF5SyntaxHighlighting")
        endforeach()
    endforeach()
    set(found "")
    set(qt5 "")
    foreach(dir IN LISTS dirs)
        set(config "${dir}/KF5SyntaxHighlightingConfig.cmake")
        if(NOT EXISTS "${config}")
            continue()
        endif()
        _ad_ksh_config_qt_major("${config}" major)
        if(major STREQUAL "6")
            set(found "${dir}")
            break()
        endif()
        list(APPEND qt5 "${dir}")
    endforeach()
    list(REMOVE_DUPLICATES qt5)
    set(${out_var} "${found}" PARENT_SCOPE)
    set(${out_var}_QT5 "${qt5}" PARENT_SCOPE)
endfunction()

set(ASSETDESK_SYNTAXHIGHLIGHTING_TARGET "")

# 1. KF6
find_package(KF6SyntaxHighlighting CONFIG QUIET)
if(KF6SyntaxHighlighting_FOUND AND TARGET KF6::SyntaxHighlighting)
    set(ASSETDESK_SYNTAXHIGHLIGHTING_TARGET KF6::SyntaxHighlighting)
    message(STATUS "KSyntaxHighlighting: KF6 ${KF6SyntaxHighlighting_VERSION} (${KF6SyntaxHighlighting_DIR})")
endif()

# 2. KF5 built for Qt 6
if(NOT ASSETDESK_SYNTAXHIGHLIGHTING_TARGET)
    if(KF5SyntaxHighlighting_DIR AND EXISTS "${KF5SyntaxHighlighting_DIR}/KF5SyntaxHighlightingConfig.cmake")
        _ad_ksh_config_qt_major("${KF5SyntaxHighlighting_DIR}/KF5SyntaxHighlightingConfig.cmake" _ad_major)
        if(_ad_major STREQUAL "5")
            # Refused, not fatal: an older configure may have cached Debian's Qt 5 build here.
            message(WARNING
                "KF5SyntaxHighlighting_DIR=${KF5SyntaxHighlighting_DIR} is a build for Qt 5; AssetDesk "
                "needs one for Qt 6 and ignores it (looking for a Qt 6 build instead).")
            set(KF5SyntaxHighlighting_DIR "" CACHE PATH "KF5SyntaxHighlighting built for Qt 6" FORCE)
        endif()
    endif()
    _ad_ksh_find_qt6_kf5_dir(_ad_ksh_dir "${_ad_ksh_prefix}")
    if(NOT _ad_ksh_dir)
        if(_ad_ksh_dir_QT5)
            message(STATUS "KSyntaxHighlighting: ignoring Qt 5 build(s) in ${_ad_ksh_dir_QT5}")
        endif()
        if(NOT ASSETDESK_BUILD_SYNTAXHIGHLIGHTING)
            message(FATAL_ERROR
                "KSyntaxHighlighting for Qt 6 was not found (Debian 12 packages it only for Qt 5). Run\n"
                "  ${_ad_ksh_script}\n"
                "once (it builds ${_ad_ksh_version} into ${_ad_ksh_prefix}), or configure with "
                "-DASSETDESK_BUILD_SYNTAXHIGHLIGHTING=ON to let CMake run it.")
        endif()
        message(STATUS "KSyntaxHighlighting for Qt 6 not found: running ${_ad_ksh_script}")
        execute_process(
            COMMAND bash "${_ad_ksh_script}" --prefix "${_ad_ksh_prefix}"
            RESULT_VARIABLE _ad_rc
            OUTPUT_QUIET)
        if(NOT _ad_rc EQUAL 0)
            message(FATAL_ERROR
                "Building KSyntaxHighlighting for Qt 6 failed (${_ad_ksh_script} exited with "
                "${_ad_rc}); its output is above.")
        endif()
        _ad_ksh_find_qt6_kf5_dir(_ad_ksh_dir "${_ad_ksh_prefix}")
        if(NOT _ad_ksh_dir)
            message(FATAL_ERROR "${_ad_ksh_script} succeeded but left no Qt 6 build in ${_ad_ksh_prefix}")
        endif()
    endif()
    set(KF5SyntaxHighlighting_DIR "${_ad_ksh_dir}" CACHE PATH "KF5SyntaxHighlighting built for Qt 6" FORCE)
    find_package(KF5SyntaxHighlighting CONFIG REQUIRED PATHS "${_ad_ksh_dir}" NO_DEFAULT_PATH)
    set(ASSETDESK_SYNTAXHIGHLIGHTING_TARGET KF5::SyntaxHighlighting)
    message(STATUS "KSyntaxHighlighting: KF5 ${KF5SyntaxHighlighting_VERSION} for Qt 6 (${_ad_ksh_dir})")
endif()

# Belt and braces: whatever was found must link Qt 6, never Qt 5.
get_target_property(_ad_ksh_links ${ASSETDESK_SYNTAXHIGHLIGHTING_TARGET} INTERFACE_LINK_LIBRARIES)
if(NOT _ad_ksh_links MATCHES "Qt6::" OR _ad_ksh_links MATCHES "Qt5::")
    message(FATAL_ERROR
        "${ASSETDESK_SYNTAXHIGHLIGHTING_TARGET} does not link Qt 6 (links: ${_ad_ksh_links}). AssetDesk "
        "needs KSyntaxHighlighting built for Qt 6: run ${_ad_ksh_script}.")
endif()

add_library(assetdesk_syntaxhighlighting INTERFACE)
add_library(AssetDesk::SyntaxHighlighting ALIAS assetdesk_syntaxhighlighting)
target_link_libraries(assetdesk_syntaxhighlighting INTERFACE ${ASSETDESK_SYNTAXHIGHLIGHTING_TARGET})

unset(_ad_deps_default)
unset(_ad_ksh_links)
unset(_ad_ksh_dir)
unset(_ad_major)
unset(_ad_rc)
