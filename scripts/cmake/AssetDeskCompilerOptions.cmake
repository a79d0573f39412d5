# Compiler settings shared by every AssetDesk target (applied through assetdesk_apply_options).
add_compile_definitions(
    QT_NO_CONTEXTLESS_CONNECT          # every connect() names a context object
    QT_NO_CAST_FROM_ASCII              # user-visible strings go through tr() or QStringLiteral
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

function(assetdesk_apply_options target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Woverloaded-virtual
        -Wimplicit-fallthrough -Wcast-qual -Wformat=2)
    if(ASSETDESK_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
