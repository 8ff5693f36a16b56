namespace ExpenseFlow.Recognition.Ocr;

/// <summary>
/// Exact algebraic simplifications of the PaddleOCR ONNX exports (paddle2onnx, opset 9) that ONNX Runtime's optimiser
/// leaves alone, applied once to the model bytes before the session is created. PP-LCNetV3 (the PP-OCRv4 det and rec
/// backbones) follows every convolution with a scalar "learnable affine" (Mul, Add) and a hard-swish written as four
/// element-wise operators (Add 3, Clip 0..6, Mul, Div 6) and another scalar affine; on the CPU those element-wise
/// passes over the feature maps cost about as much as the convolutions. The rewrite:
/// <list type="bullet">
/// <item>Conv → Mul(scalar) → Add(scalar): folded into the convolution's weights and bias;</item>
/// <item>x · Clip(x + 3, 0, 6) / 6: x · HardSigmoid(x; α = 1/6, β = ½) (two operators instead of four);</item>
/// <item>Mul(scalar s) → Add(scalar b) → Conv: s folded into the weights; b into the bias too when the convolution has
/// no padding (a 1×1 pointwise one), else s·h + b becomes a depthwise 1×1 convolution (zero padding does not commute
/// with a shift), which ONNX Runtime keeps in its blocked NCHWc layout.</item>
/// </list>
/// The weights are the published ones, multiplied out; results differ from the unfolded graph only by float rounding.
/// </summary>
internal static class OnnxFolding
{
    public static (byte[] Model, int Rewrites) Fold(byte[] model)
    {
        var graph = OnnxGraph.Parse(model);
        if (graph is null) return (model, 0);
        var names = 0;
        string Fresh() => $"expenseflow_fold_{names++}";
        var rewrites = FoldConvAffine(graph, Fresh) + FoldHardSwish(graph) + FoldAffineIntoConv(graph, Fresh);
        if (rewrites == 0) return (model, 0);
        RemoveDeadConstants(graph);
        return (graph.Serialize(), rewrites);
    }

    private static Dictionary<string, ConstTensor> Constants(OnnxGraph graph)
    {
        var map = new Dictionary<string, ConstTensor>();
        foreach (var n in graph.Nodes.Where(n => !n.Removed && n.OpType == "Constant"))
            if (n.ConstantValue() is { } v) map[n.Outputs[0]] = v;
        return map;
    }

    /// <summary>The one node reading <paramref name="tensor"/>, when exactly one does and it is not a graph output.</summary>
    private static OnnxNode? SoleConsumer(OnnxGraph graph, Dictionary<string, List<OnnxNode>> consumers, string tensor) =>
        !graph.GraphOutputs.Contains(tensor) && consumers.TryGetValue(tensor, out var list) && list.Count == 1 ? list[0] : null;

    /// <summary>For a two-input Mul/Add/Div reading <paramref name="tensor"/>, the other input when it is a scalar constant.</summary>
    private static float? ScalarOperand(OnnxNode node, string tensor, Dictionary<string, ConstTensor> constants, bool tensorFirst = false)
    {
        if (node.Inputs.Count != 2 || node.Outputs.Count != 1) return null;
        var index = node.Inputs.IndexOf(tensor);
        if (index < 0 || (tensorFirst && index != 0)) return null;
        return constants.TryGetValue(node.Inputs[1 - index], out var c) && c.IsScalar && c.Dims.Length <= 1 ? c.Data[0] : null;
    }

    private static (ConstTensor W, ConstTensor? B)? ConvWeights(OnnxNode conv, Dictionary<string, ConstTensor> constants)
    {
        if (conv.OpType != "Conv" || conv.Domain.Length > 0 || conv.Inputs.Count is < 2 or > 3 || conv.Outputs.Count != 1) return null;
        if (!constants.TryGetValue(conv.Inputs[1], out var w) || w.Dims.Length != 4 || w.Dims[0] <= 0) return null;
        ConstTensor? b = null;
        if (conv.Inputs.Count == 3 && (!constants.TryGetValue(conv.Inputs[2], out b) || b.Data.Length != w.Dims[0])) return null;
        return (w, b);
    }

    private static void SetWeights(OnnxGraph graph, OnnxNode conv, float[] w, long[] dims, float[] b, Func<string> fresh)
    {
        var wName = fresh();
        var bName = fresh();
        graph.Nodes.Insert(0, OnnxNode.Constant(wName, new ConstTensor(dims, w)));
        graph.Nodes.Insert(0, OnnxNode.Constant(bName, new ConstTensor([b.Length], b)));
        var x = conv.Inputs[0];
        conv.Inputs.Clear();
        conv.Inputs.AddRange([x, wName, bName]);
        conv.Touch();
    }

    /// <summary>Conv → Mul(s) [→ Add(b)]: W·s, B·s + b.</summary>
    private static int FoldConvAffine(OnnxGraph graph, Func<string> fresh)
    {
        var constants = Constants(graph);
        var consumers = graph.Consumers();
        var count = 0;
        foreach (var conv in graph.Nodes.ToList())
        {
            if (conv.Removed || ConvWeights(conv, constants) is not var (w, b)) continue;
            if (SoleConsumer(graph, consumers, conv.Outputs[0]) is not { OpType: "Mul", Removed: false } mul) continue;
            if (ScalarOperand(mul, conv.Outputs[0], constants) is not { } s) continue;
            var add = SoleConsumer(graph, consumers, mul.Outputs[0]) is { OpType: "Add", Removed: false } a && ScalarOperand(a, mul.Outputs[0], constants) is not null ? a : null;
            var shift = add is null ? 0f : ScalarOperand(add, mul.Outputs[0], constants)!.Value;
            var outC = (int)w.Dims[0];
            var newW = w.Data.Select(v => v * s).ToArray();
            var newB = new float[outC];
            for (var o = 0; o < outC; o++) newB[o] = (b?.Data[o] ?? 0f) * s + shift;
            var output = (add ?? mul).Outputs[0];
            SetWeights(graph, conv, newW, w.Dims, newB, fresh);
            conv.Outputs[0] = output;
            mul.Removed = true;
            if (add is not null) add.Removed = true;
            count++;
        }
        return count;
    }

    /// <summary>Add(x, 3) → Clip(0, 6) → Mul(x, ·) → Div(6)  ⇒  Mul(x, HardSigmoid(x; 1/6, ½)).</summary>
    private static int FoldHardSwish(OnnxGraph graph)
    {
        var constants = Constants(graph);
        var consumers = graph.Consumers();
        var count = 0;
        foreach (var add in graph.Nodes.ToList())
        {
            if (add.Removed || add.OpType != "Add" || add.Domain.Length > 0 || add.Inputs.Count != 2) continue;
            var x = add.Inputs.FirstOrDefault(i => !constants.ContainsKey(i));
            if (x is null || ScalarOperand(add, x, constants) is not 3f) continue;
            if (SoleConsumer(graph, consumers, add.Outputs[0]) is not { OpType: "Clip", Removed: false } clip || !ClipsTo(clip, 0, 6, constants)) continue;
            if (SoleConsumer(graph, consumers, clip.Outputs[0]) is not { OpType: "Mul", Removed: false } mul || mul.Inputs.Count != 2) continue;
            if (!mul.Inputs.Contains(x) || !mul.Inputs.Contains(clip.Outputs[0])) continue;
            if (SoleConsumer(graph, consumers, mul.Outputs[0]) is not { OpType: "Div", Removed: false } div) continue;
            if (ScalarOperand(div, mul.Outputs[0], constants, tensorFirst: true) is not 6f) continue;

            add.OpType = "HardSigmoid";
            add.Inputs.Clear();
            add.Inputs.Add(x);
            add.Attributes.Clear();
            add.Attributes.Add(OnnxNode.FloatAttributeProto("alpha", 1f / 6f));
            add.Attributes.Add(OnnxNode.FloatAttributeProto("beta", 0.5f));
            add.Touch();
            mul.Inputs.Clear();
            mul.Inputs.AddRange([x, add.Outputs[0]]);
            mul.Outputs[0] = div.Outputs[0];
            mul.Touch();
            clip.Removed = true;
            div.Removed = true;
            count++;
        }
        return count;
    }

    /// <summary>Clip to [min, max]: as attributes (opset &lt; 11) or as scalar constant inputs (opset 11 and later).</summary>
    private static bool ClipsTo(OnnxNode clip, float min, float max, Dictionary<string, ConstTensor> constants) => clip.Inputs.Count switch
    {
        1 => clip.FloatAttribute("min") == min && clip.FloatAttribute("max") == max,
        3 => !clip.HasAttribute("min") && !clip.HasAttribute("max")
             && constants.TryGetValue(clip.Inputs[1], out var lo) && lo.IsScalar && lo.Data[0] == min
             && constants.TryGetValue(clip.Inputs[2], out var hi) && hi.IsScalar && hi.Data[0] == max,
        _ => false,
    };

    /// <summary>Mul(h, s) → Add(b) → Conv: W·s, and b into the bias when the convolution has no padding.</summary>
    private static int FoldAffineIntoConv(OnnxGraph graph, Func<string> fresh)
    {
        var constants = Constants(graph);
        var consumers = graph.Consumers();
        var count = 0;
        foreach (var mul in graph.Nodes.ToList())
        {
            if (mul.Removed || mul.OpType != "Mul" || mul.Domain.Length > 0 || mul.Inputs.Count != 2) continue;
            var h = mul.Inputs.FirstOrDefault(i => !constants.ContainsKey(i));
            if (h is null || ScalarOperand(mul, h, constants) is not { } s || Math.Abs(s) < 1e-6f) continue;
            if (SoleConsumer(graph, consumers, mul.Outputs[0]) is not { OpType: "Add", Removed: false } add) continue;
            if (ScalarOperand(add, mul.Outputs[0], constants) is not { } shift) continue;
            if (SoleConsumer(graph, consumers, add.Outputs[0]) is not { Removed: false } conv || conv.Inputs.IndexOf(add.Outputs[0]) != 0) continue;
            if (ConvWeights(conv, constants) is not var (w, b)) continue;
            var unpadded = !conv.HasAttribute("auto_pad") && (conv.IntsAttribute("pads") ?? []).All(p => p == 0);
            if (unpadded)
            {
                var outC = (int)w.Dims[0];
                var per = w.Data.Length / outC;
                var newW = w.Data.Select(v => v * s).ToArray();
                var newB = new float[outC];
                for (var o = 0; o < outC; o++)
                {
                    var sum = 0.0;
                    for (var k = 0; k < per; k++) sum += w.Data[o * per + k];
                    newB[o] = (float)((b?.Data[o] ?? 0f) + shift * sum);
                }
                SetWeights(graph, conv, newW, w.Dims, newB, fresh);
                conv.Inputs[0] = h;
                mul.Removed = true;
                add.Removed = true;
            }
            else
            {
                // Zero padding does not commute with the shift: s·h + b as one depthwise 1×1 convolution instead, which
                // stays in ONNX Runtime's blocked (NCHWc) layout where a scalar Mul and Add each force a layout round trip.
                var channels = (conv.IntAttribute("group") ?? 1) * w.Dims[1];
                if (channels is <= 0 or > 65536) continue;
                var c = (int)channels;
                var scale = Enumerable.Repeat(s, c).ToArray();
                var bias = Enumerable.Repeat(shift, c).ToArray();
                string wName = fresh(), bName = fresh();
                graph.Nodes.Insert(0, OnnxNode.Constant(wName, new ConstTensor([c, 1, 1, 1], scale)));
                graph.Nodes.Insert(0, OnnxNode.Constant(bName, new ConstTensor([c], bias)));
                add.OpType = "Conv";
                add.Inputs.Clear();
                add.Inputs.AddRange([h, wName, bName]);
                add.Attributes.Clear();
                add.Attributes.Add(OnnxNode.IntsAttributeProto("kernel_shape", [1, 1]));
                add.Attributes.Add(OnnxNode.IntAttributeProto("group", c));
                add.Touch();
                mul.Removed = true;
            }
            count++;
        }
        return count;
    }

    private static void RemoveDeadConstants(OnnxGraph graph)
    {
        var consumers = graph.Consumers();
        foreach (var n in graph.Nodes.Where(n => !n.Removed && n.OpType == "Constant" && n.Outputs.Count == 1))
            if (!consumers.ContainsKey(n.Outputs[0]) && !graph.GraphOutputs.Contains(n.Outputs[0])) n.Removed = true;
    }
}
