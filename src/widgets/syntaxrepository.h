#pragma once

#include <QString>

#include <memory>

namespace KSyntaxHighlighting {
class Repository;
class Definition;
class Theme;
}

namespace AssetDesk {

// The KSyntaxHighlighting definitions and themes, loaded once per session by the composition
// root and shared by every viewer (loading them indexes a few hundred definitions).
class SyntaxRepository
{
public:
    SyntaxRepository();
    ~SyntaxRepository();

    KSyntaxHighlighting::Definition definition(const QString& name) const;
    // A light or dark theme matching the application palette.
    KSyntaxHighlighting::Theme themeForPalette() const;

private:
    std::unique_ptr<KSyntaxHighlighting::Repository> m_repository;
};

} // namespace AssetDesk
