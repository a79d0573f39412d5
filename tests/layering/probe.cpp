// Compiled by tests/layering with PROBE_HEADER naming one layer header: it must compile only when
// the probe's target links that header's layer.
#include PROBE_HEADER

int assetdeskLayeringProbe()
{
    return 0;
}
