#pragma once

#include "models/libraryfilter.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QSpinBox;

namespace AssetDesk {

// The library's facets: service, approval state, rights (valid / expiring within N days /
// expired / no expiry), campaign, media type, orientation, a modification date range and how
// often an asset was posted (unused / used / overused from N posts, IX8).
// It edits the facet fields of a LibraryFilter and says when they change; the model debounces.
class LibraryFacetBar : public QWidget
{
    Q_OBJECT
public:
    explicit LibraryFacetBar(QWidget* parent = nullptr);

    // `base` with the facet fields (and the service facet) set from the controls.
    LibraryFilter apply(LibraryFilter base) const;
    std::optional<Service> service() const;
    int facetCount() const;
    void clear();

    QComboBox* serviceBox() const { return m_service; }
    QComboBox* approvalBox() const { return m_approval; }
    QComboBox* rightsBox() const { return m_rights; }
    QSpinBox* soonDaysBox() const { return m_soonDays; }
    QLineEdit* campaignEdit() const { return m_campaign; }
    QComboBox* mediaTypeBox() const { return m_mediaType; }
    QComboBox* orientationBox() const { return m_orientation; }
    QCheckBox* dateRangeBox() const { return m_dateRange; }
    QDateEdit* fromEdit() const { return m_from; }
    QDateEdit* toEdit() const { return m_to; }
    QComboBox* usageBox() const { return m_usage; }
    QSpinBox* overuseBox() const { return m_overuse; }

signals:
    void changed();

private:
    QComboBox* m_service;
    QComboBox* m_approval;
    QComboBox* m_rights;
    QSpinBox* m_soonDays;
    QLineEdit* m_campaign;
    QComboBox* m_mediaType;
    QComboBox* m_orientation;
    QCheckBox* m_dateRange;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_usage;
    QSpinBox* m_overuse;
};

} // namespace AssetDesk
