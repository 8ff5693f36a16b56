using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ExpenseFlow.Recognition.Ocr;

/// <summary>A float tensor held by a Constant node.</summary>
internal sealed record ConstTensor(long[] Dims, float[] Data)
{
    public bool IsScalar => Data.Length == 1;
}

/// <summary>A node of an ONNX graph: names and op type parsed, attributes kept as raw AttributeProto payloads.</summary>
internal sealed class OnnxNode
{
    public List<string> Inputs { get; } = [];
    public List<string> Outputs { get; } = [];
    public string OpType { get; set; } = "";
    public string Name { get; set; } = "";
    public string Domain { get; set; } = "";
    public List<byte[]> Attributes { get; } = [];
    /// <summary>The original bytes, written back as they were unless the node changed.</summary>
    public byte[]? Raw { get; set; }
    public bool Removed { get; set; }

    public static OnnxNode Parse(byte[] buffer, ProtoField field)
    {
        var node = new OnnxNode { Raw = field.Bytes(buffer) };
        foreach (var f in ProtoWire.Fields(buffer, field))
        {
            switch (f.Number)
            {
                case 1: node.Inputs.Add(f.Text(buffer)); break;
                case 2: node.Outputs.Add(f.Text(buffer)); break;
                case 3: node.Name = f.Text(buffer); break;
                case 4: node.OpType = f.Text(buffer); break;
                case 5: node.Attributes.Add(f.Bytes(buffer)); break;
                case 7: node.Domain = f.Text(buffer); break;
            }
        }
        return node;
    }

    public byte[] Serialize() => Raw ?? ProtoWire.Message(s =>
    {
        foreach (var i in Inputs) ProtoWire.WriteStringField(s, 1, i);
        foreach (var o in Outputs) ProtoWire.WriteStringField(s, 2, o);
        if (Name.Length > 0) ProtoWire.WriteStringField(s, 3, Name);
        ProtoWire.WriteStringField(s, 4, OpType);
        foreach (var a in Attributes) ProtoWire.WriteBytesField(s, 5, a);
        if (Domain.Length > 0) ProtoWire.WriteStringField(s, 7, Domain);
    });

    /// <summary>Marks the node as changed so it is serialised from its fields.</summary>
    public void Touch() => Raw = null;

    private (string Name, List<ProtoField> Fields, byte[] Bytes)? Attribute(string name)
    {
        foreach (var a in Attributes)
        {
            var fields = ProtoWire.Fields(a);
            if (fields.Any(f => f.Number == 1 && f.Text(a) == name)) return (name, fields, a);
        }
        return null;
    }

    public bool HasAttribute(string name) => Attribute(name) is not null;

    public float? FloatAttribute(string name)
    {
        if (Attribute(name) is not { } a) return null;
        foreach (var f in a.Fields)
            if (f.Number == 2 && f.Wire == 5) return BinaryPrimitives.ReadSingleLittleEndian(f.Payload(a.Bytes));
        return null;
    }

    public long? IntAttribute(string name)
    {
        if (Attribute(name) is not { } a) return null;
        foreach (var f in a.Fields)
            if (f.Number == 3 && f.Wire == 0) return (long)f.Value;
        return null;
    }

    public List<long>? IntsAttribute(string name) => Attribute(name) is { } a ? ProtoWire.Int64s(a.Bytes, a.Fields, 8) : null;

    public ConstTensor? ConstantValue()
    {
        if (OpType != "Constant" || Outputs.Count != 1 || Attribute("value") is not { } a) return null;
        var t = a.Fields.FirstOrDefault(f => f.Number == 5 && f.Wire == 2);
        if (t.End == 0) return null;
        return ReadTensor(a.Bytes, t);
    }

    private static ConstTensor? ReadTensor(byte[] buffer, ProtoField tensor)
    {
        var fields = ProtoWire.Fields(buffer, tensor);
        var type = fields.FirstOrDefault(f => f.Number == 2 && f.Wire == 0);
        if (type.Value != 1) return null; // FLOAT only
        var dims = ProtoWire.Int64s(buffer, fields, 1).ToArray();
        float[] data;
        if (fields.FirstOrDefault(f => f.Number == 9 && f.Wire == 2) is { End: > 0 } raw && raw.End > raw.Start)
            data = MemoryMarshal.Cast<byte, float>(raw.Payload(buffer)).ToArray();
        else if (fields.FirstOrDefault(f => f.Number == 4 && f.Wire == 2) is { End: > 0 } packed && packed.End > packed.Start)
            data = MemoryMarshal.Cast<byte, float>(packed.Payload(buffer)).ToArray();
        else return null;
        var count = dims.Aggregate(1L, (p, d) => p * d);
        return count == data.Length ? new ConstTensor(dims, data) : null;
    }

    public static OnnxNode Constant(string name, ConstTensor value)
    {
        var tensor = ProtoWire.Message(s =>
        {
            foreach (var d in value.Dims) ProtoWire.WriteVarintField(s, 1, (ulong)d);
            ProtoWire.WriteVarintField(s, 2, 1);
            ProtoWire.WriteStringField(s, 8, name);
            ProtoWire.WriteBytesField(s, 9, MemoryMarshal.AsBytes(value.Data.AsSpan()));
        });
        var attribute = ProtoWire.Message(s =>
        {
            ProtoWire.WriteStringField(s, 1, "value");
            ProtoWire.WriteBytesField(s, 5, tensor);
            ProtoWire.WriteVarintField(s, 20, 4); // TENSOR
        });
        var node = new OnnxNode { OpType = "Constant" };
        node.Outputs.Add(name);
        node.Attributes.Add(attribute);
        return node;
    }

    public static byte[] IntAttributeProto(string name, long value) => ProtoWire.Message(s =>
    {
        ProtoWire.WriteStringField(s, 1, name);
        ProtoWire.WriteVarintField(s, 3, (ulong)value);
        ProtoWire.WriteVarintField(s, 20, 2); // INT
    });

    public static byte[] IntsAttributeProto(string name, long[] values) => ProtoWire.Message(s =>
    {
        ProtoWire.WriteStringField(s, 1, name);
        foreach (var v in values) ProtoWire.WriteVarintField(s, 8, (ulong)v);
        ProtoWire.WriteVarintField(s, 20, 7); // INTS
    });

    public static byte[] FloatAttributeProto(string name, float value) => ProtoWire.Message(s =>
    {
        ProtoWire.WriteStringField(s, 1, name);
        ProtoWire.WriteFloatField(s, 2, value);
        ProtoWire.WriteVarintField(s, 20, 1); // FLOAT
    });
}

/// <summary>An ONNX model's graph as a node list; everything else is kept as raw bytes and written back unchanged.</summary>
internal sealed class OnnxGraph
{
    private readonly byte[] _model;
    private readonly List<ProtoField> _top;
    private readonly ProtoField _graph;
    private readonly List<ProtoField> _graphFields;

    public List<OnnxNode> Nodes { get; }
    public HashSet<string> GraphOutputs { get; }

    private OnnxGraph(byte[] model, List<ProtoField> top, ProtoField graph)
    {
        _model = model;
        _top = top;
        _graph = graph;
        _graphFields = ProtoWire.Fields(model, graph);
        Nodes = _graphFields.Where(f => f.Number == 1 && f.Wire == 2).Select(f => OnnxNode.Parse(model, f)).ToList();
        GraphOutputs = _graphFields.Where(f => f.Number == 12 && f.Wire == 2)
            .Select(f => ProtoWire.Fields(model, f).First(x => x.Number == 1).Text(model)).ToHashSet();
    }

    public static OnnxGraph? Parse(byte[] model)
    {
        var top = ProtoWire.Fields(model);
        var graphs = top.Where(f => f.Number == 7 && f.Wire == 2).ToList();
        return graphs.Count == 1 ? new OnnxGraph(model, top, graphs[0]) : null;
    }

    /// <summary>Nodes consuming each tensor name (removed nodes excluded).</summary>
    public Dictionary<string, List<OnnxNode>> Consumers()
    {
        var map = new Dictionary<string, List<OnnxNode>>();
        foreach (var n in Nodes.Where(n => !n.Removed))
        foreach (var i in n.Inputs.Where(i => i.Length > 0))
        {
            if (!map.TryGetValue(i, out var list)) map[i] = list = [];
            list.Add(n);
        }
        return map;
    }

    public byte[] Serialize()
    {
        var graph = ProtoWire.Message(s =>
        {
            var nodesWritten = false;
            foreach (var f in _graphFields)
            {
                if (f.Number == 1 && f.Wire == 2)
                {
                    if (nodesWritten) continue;
                    nodesWritten = true;
                    foreach (var n in Nodes.Where(n => !n.Removed)) ProtoWire.WriteBytesField(s, 1, n.Serialize());
                    continue;
                }
                s.Write(f.Raw(_model));
            }
        });
        return ProtoWire.Message(s =>
        {
            foreach (var f in _top)
            {
                if (f.RawStart == _graph.RawStart) ProtoWire.WriteBytesField(s, 7, graph);
                else s.Write(f.Raw(_model));
            }
        });
    }
}
