#!/usr/bin/env python3
"""Writes a project with RESOURCES resources and about METHODS methods (default 2,000 and 5,000),
the size issue 6 says must stay fluid: a tree four levels deep, {param} resources, MOCK
integrations with a template each. Usage: make-large-project.py OUT [RESOURCES] [METHODS]"""
import json, random, sys

out = sys.argv[1]
resources_wanted = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
methods_wanted = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
random.seed(7)
verbs = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "ANY"]

def rid(n):
    return "r%09d" % n

resources = [{"id": rid(0), "path": "/"}]
paths = {rid(0): ""}
n = 1
frontier = [rid(0)]
has_param = set()
while n < resources_wanted:
    parent = random.choice(frontier)
    # API Gateway allows one {param} child per resource.
    param = n % 7 == 0 and parent not in has_param
    part = ("{id%d}" % n) if param else ("items%d" % n)
    if param:
        has_param.add(parent)
    path = paths[parent] + "/" + part
    if any(p == path for p in paths.values()):
        continue
    resources.append({"id": rid(n), "parentId": parent, "pathPart": part, "path": path})
    paths[rid(n)] = path
    if path.count("/") < 4:
        frontier.append(rid(n))
    n += 1

methods = 0
for i, resource in enumerate(resources):
    left = methods_wanted - methods
    if left <= 0:
        break
    count = min(left, 2 if i % 2 == 0 else 3)
    resource["resourceMethods"] = {}
    for verb in verbs[:count]:
        resource["resourceMethods"][verb] = {
            "httpMethod": verb,
            "authorizationType": "NONE",
            "methodResponses": {"200": {"statusCode": "200"}},
            "methodIntegration": {
                "type": "MOCK",
                "requestTemplates": {"application/json": "{\"statusCode\": 200}"},
                "passthroughBehavior": "WHEN_NO_MATCH",
                "timeoutInMillis": 29000,
                "integrationResponses": {"200": {"statusCode": "200", "responseTemplates": {
                    "application/json": "{\"path\": \"$context.resourcePath\"}"}}},
            },
        }
        methods += 1

project = {"formatVersion": 1, "api": {"id": "large00001", "name": "Large API",
                                       "endpointConfiguration": {"types": ["EDGE"]},
                                       "resources": resources}}
with open(out, "w") as f:
    json.dump(project, f, indent=2)
print("%s: %d resources, %d methods" % (out, len(resources), methods))
