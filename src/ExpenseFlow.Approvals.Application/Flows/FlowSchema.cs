namespace ExpenseFlow.Approvals.Application.Flows;

/// <summary>The JSON Schema (2020-12) of a flow definition, for editors and integrators; the parser enforces the same shape.</summary>
internal static class FlowSchema
{
    public const string Json = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "title": "ExpenseFlow approval flow definition",
      "type": "object",
      "additionalProperties": false,
      "required": ["steps"],
      "properties": {
        "when": { "$ref": "#/$defs/condition" },
        "dedupe": { "type": "boolean", "default": true, "description": "去重: skip an approver who already approved this claim earlier in the chain" },
        "fallback": { "$ref": "#/$defs/approver", "description": "who decides when a step resolves to nobody (default: role Admin)" },
        "steps": { "type": "array", "minItems": 1, "maxItems": 30, "items": { "$ref": "#/$defs/step" } }
      },
      "$defs": {
        "step": {
          "type": "object",
          "additionalProperties": false,
          "required": ["key", "name"],
          "properties": {
            "key": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,40}$" },
            "name": { "type": "string", "minLength": 1, "maxLength": 100 },
            "nameEn": { "type": "string", "maxLength": 100 },
            "kind": { "enum": ["approval", "notify", "financeReview"], "default": "approval" },
            "mode": { "enum": ["sequential", "all", "any"], "default": "sequential" },
            "approvers": { "type": "array", "items": { "$ref": "#/$defs/approver" } },
            "when": { "$ref": "#/$defs/condition" },
            "sla": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "remindAfterHours": { "type": "number", "exclusiveMinimum": 0, "maximum": 8760 },
                "escalateAfterHours": { "type": "number", "exclusiveMinimum": 0, "maximum": 8760 },
                "escalateTo": { "$ref": "#/$defs/approver" },
                "autoAction": { "enum": ["approve", "reject"] }
              }
            }
          }
        },
        "approver": {
          "oneOf": [
            { "type": "object", "additionalProperties": false, "required": ["type"], "properties": { "type": { "const": "manager" }, "levels": { "type": "integer", "minimum": 1, "maximum": 10 } } },
            { "type": "object", "additionalProperties": false, "required": ["type"], "properties": { "type": { "const": "departmentHead" } } },
            { "type": "object", "additionalProperties": false, "required": ["type", "role"], "properties": { "type": { "const": "role" }, "role": { "enum": ["Employee", "Approver", "Finance", "Admin", "Management", "HR"] } } },
            { "type": "object", "additionalProperties": false, "required": ["type", "personId"], "properties": { "type": { "const": "person" }, "personId": { "type": "string", "format": "uuid" } } }
          ]
        },
        "condition": {
          "oneOf": [
            { "type": "null" },
            { "type": "object", "additionalProperties": false, "required": ["all"], "properties": { "all": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/condition" } } } },
            { "type": "object", "additionalProperties": false, "required": ["any"], "properties": { "any": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/condition" } } } },
            { "type": "object", "additionalProperties": false, "required": ["not"], "properties": { "not": { "$ref": "#/$defs/condition" } } },
            {
              "type": "object", "additionalProperties": false, "required": ["field", "value"],
              "properties": {
                "field": { "enum": ["amount", "category", "department", "costCentre", "legalEntity", "grade"] },
                "op": { "enum": ["eq", "ne", "gt", "gte", "lt", "lte", "in", "notIn"], "default": "eq" },
                "value": { "oneOf": [ { "type": "number" }, { "type": "string" }, { "type": "array", "minItems": 1, "items": { "type": "string" } } ] }
              }
            }
          ]
        }
      }
    }
    """;
}
