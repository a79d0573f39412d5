# Layer targets and their include roots.
#
# Each layer (src/<layer>) is a static library whose headers are reachable only as
# "<layer>/header.h" through an include root that holds one symlink, <root>/<layer> -> src/<layer>.
# A target can therefore include a layer's headers only if it links that layer: a forbidden
# include (widgets -> net, models -> widgets, sandbox -> connectors) fails to compile instead of
# silently working. The arrows themselves are the target_link_libraries calls in src/*/CMakeLists.txt.

set(ASSETDESK_INCLUDE_ROOTS "${CMAKE_BINARY_DIR}/include-roots")

function(assetdesk_layer_include_root layer out_var)
    set(root "${ASSETDESK_INCLUDE_ROOTS}/${layer}")
    file(MAKE_DIRECTORY "${root}")
    if(NOT EXISTS "${root}/${layer}")
        file(CREATE_LINK "${CMAKE_SOURCE_DIR}/src/${layer}" "${root}/${layer}" SYMBOLIC)
    endif()
    set(${out_var} "${root}" PARENT_SCOPE)
endfunction()

# assetdesk_add_layer(<layer> SOURCES ... [PUBLIC_LINKS ...] [PRIVATE_LINKS ...])
# Creates target assetdesk_<layer> and alias AssetDesk::<layer>.
function(assetdesk_add_layer layer)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LINKS;PRIVATE_LINKS" ${ARGN})
    set(target assetdesk_${layer})
    add_library(${target} STATIC ${ARG_SOURCES})
    add_library(AssetDesk::${layer} ALIAS ${target})
    assetdesk_layer_include_root(${layer} root)
    target_include_directories(${target} PUBLIC "$<BUILD_INTERFACE:${root}>")
    target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_LINKS} PRIVATE ${ARG_PRIVATE_LINKS})
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    assetdesk_apply_options(${target})
endfunction()
