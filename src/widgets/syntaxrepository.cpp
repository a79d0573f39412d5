#include "widgets/syntaxrepository.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QGuiApplication>
#include <QPalette>

namespace AssetDesk {

SyntaxRepository::SyntaxRepository()
    : m_repository(std::make_unique<KSyntaxHighlighting::Repository>())
{
}

SyntaxRepository::~SyntaxRepository() = default;

KSyntaxHighlighting::Definition SyntaxRepository::definition(const QString& name) const
{
    return m_repository->definitionForName(name);
}

KSyntaxHighlighting::Theme SyntaxRepository::themeForPalette() const
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    return m_repository->defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                           : KSyntaxHighlighting::Repository::LightTheme);
}

} // namespace AssetDesk
