#include "sandbox/dam/damvocabulary.h"

#include <QHash>

namespace AssetDesk::Sandbox {

const QStringList& DamVocabulary::words()
{
    static const QStringList list = QStringLiteral(
        "harbor summit festival launch studio portrait skyline autumn product team stadium river "
        "market concert workshop coast bridge garden night morning press keynote booth winter spring "
        "summer harvest mountain city crowd stage lights design release partner customer support "
        "update preview archive detail aerial macro color mono story sunrise sunset beach forest "
        "desert island lake valley street bicycle train airport office factory kitchen coffee bakery "
        "runner athlete goal trophy fans podium speaker panel audience laptop phone robot drone "
        "engine solar wind turbine harbour ship container warehouse fabric fashion model runway "
        "jewelry watch shoes jacket hat umbrella rain snow fog storm rainbow glacier volcano canyon "
        "meadow orchard vineyard cattle horse dog cat bird flower tree leaf stone glass steel wood "
        "paper lantern candle mural statue museum library school campus lab microscope hospital")
                                          .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return list;
}

const QStringList& DamVocabulary::photographers()
{
    static const QStringList list{
        QStringLiteral("Ada Lindqvist"),   QStringLiteral("Bruno Costa"),     QStringLiteral("Chiara Rossi"),
        QStringLiteral("Dmitri Petrov"),   QStringLiteral("Elena Moreau"),    QStringLiteral("Farid Uddin"),
        QStringLiteral("Greta Fischer"),   QStringLiteral("Hiro Tanaka"),     QStringLiteral("Ines Almeida"),
        QStringLiteral("Jonas Brandt"),    QStringLiteral("Keiko Nakamura"),  QStringLiteral("Lars Eriksson"),
        QStringLiteral("Maya Okafor"),     QStringLiteral("Nils Jansen"),     QStringLiteral("Olga Kowalski"),
        QStringLiteral("Pablo Castillo"),  QStringLiteral("Quinn Becker"),    QStringLiteral("Rosa Garcia"),
        QStringLiteral("Sven Andersen"),   QStringLiteral("Tomoko Ito"),      QStringLiteral("Valeria Quispe"),
        QStringLiteral("Wen Zhang"),       QStringLiteral("Xavier Dubois"),   QStringLiteral("Yara Weber"),
    };
    return list;
}

const QStringList& DamVocabulary::campaigns()
{
    static const QStringList list{
        QStringLiteral("Spring Launch 2024"),   QStringLiteral("Summer Festival"),
        QStringLiteral("Brand Refresh"),        QStringLiteral("Holiday Season"),
        QStringLiteral("Product Reveal"),       QStringLiteral("Sustainability Report"),
        QStringLiteral("Trade Show 2023"),      QStringLiteral("Customer Stories"),
    };
    return list;
}

const QStringList& DamVocabulary::usageRestrictions()
{
    static const QStringList list{
        QString(),
        QStringLiteral("Editorial use only"),
        QStringLiteral("No commercial use"),
        QStringLiteral("Social media only, credit required"),
        QStringLiteral("Internal use only"),
        QStringLiteral("Not for use in the EU until cleared"),
    };
    return list;
}

int DamVocabulary::wordIndex(QStringView word)
{
    static const QHash<QString, int> index = [] {
        QHash<QString, int> h;
        const QStringList& list = words();
        for (int i = 0; i < list.size(); ++i)
            h.insert(list.at(i), i);
        return h;
    }();
    return index.value(word.toString().toLower(), -1);
}

QStringList DamVocabulary::tokens(QStringView text)
{
    QStringList out;
    QString current;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            current += c.toLower();
        } else if (!current.isEmpty()) {
            out << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        out << current;
    return out;
}

} // namespace AssetDesk::Sandbox
