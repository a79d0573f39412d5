# cmake -DURL=<url> -DFILE=<destination> -DSHA256=<hex> -P download.cmake
#
# Downloads URL to FILE and fails unless its SHA-256 matches. Used instead of curl/wget so that the
# scripts need nothing beyond CMake (which the build needs anyway).
foreach(var URL FILE SHA256)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "download.cmake: -D${var}=... is required")
    endif()
endforeach()

get_filename_component(dir "${FILE}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
set(partial "${FILE}.part")
file(REMOVE "${partial}")
file(DOWNLOAD "${URL}" "${partial}"
    EXPECTED_HASH SHA256=${SHA256}
    INACTIVITY_TIMEOUT 60
    TIMEOUT 1800
    STATUS status
    TLS_VERIFY ON)
list(GET status 0 code)
list(GET status 1 text)
if(NOT code EQUAL 0)
    file(REMOVE "${partial}")
    message(FATAL_ERROR "download of ${URL} failed: ${text}")
endif()
file(RENAME "${partial}" "${FILE}")
