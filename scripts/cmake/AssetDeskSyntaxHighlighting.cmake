# Transitional: replaced by the find-or-build logic (system KF6/KF5-for-Qt6, else source tarball).
find_package(KF5SyntaxHighlighting QUIET)
