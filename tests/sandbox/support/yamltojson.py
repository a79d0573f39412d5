#!/usr/bin/env python3
"""Converts an OpenAPI YAML document to JSON for the schema tests (build step, see
tests/sandbox/CMakeLists.txt). Needs python3-yaml. A bare `=` (YAML 1.1's "value" tag, used as
a plain string in the Zendesk document's trigger examples) is read as the string "="; dates
and other non-JSON scalars become strings."""
import json
import sys

import yaml


class Loader(yaml.SafeLoader):
    pass


Loader.add_constructor('tag:yaml.org,2002:value', lambda loader, node: loader.construct_scalar(node))


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: yamltojson.py IN.yaml OUT.json')
    with open(sys.argv[1], encoding='utf-8') as f:
        document = yaml.load(f, Loader=Loader)
    with open(sys.argv[2], 'w', encoding='utf-8') as f:
        json.dump(document, f, default=str)


if __name__ == '__main__':
    main()
