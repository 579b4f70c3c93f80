using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LossGen.Generator.Binding;
using LossGen.Generator.Declarations;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Emit;

/// <summary>
/// Emits the per-element kernel: straight-line <c>Vector&lt;T&gt;</c> code for the loss and every
/// requested derivative, one named local per DAG node, each with a comment saying what it computes.
/// </summary>
internal sealed class ElementKernelEmitter
{
    private readonly DerivedLoss _loss;
    private readonly LossSignature _signature;
    private readonly string _t;
    private readonly string _v;
    private readonly Dictionary<int, string> _expressions = new();
    private readonly Dictionary<int, string> _localNames = new();
    private readonly MathPrinter _printer;

    public ElementKernelEmitter(DerivedLoss loss, LossSignature signature)
    {
        _loss = loss;
        _signature = signature;
        _t = signature.Element == ElementType.Double ? "double" : "float";
        _v = "Vector<" + _t + ">";
        _printer = new MathPrinter(loss.Graph, LeafName, _localNames);
    }

    /// <summary>The kernel's parameters besides the outs: every input, as vectors.</summary>
    public IEnumerable<BoundParameter> Inputs =>
        _signature.Parameters.Where(p => p.Role is ParameterRole.ElementwiseInput or ParameterRole.ScalarInput);

    /// <summary>The gradients the kernel computes (the structurally zero ones are filled by the caller).</summary>
    public IEnumerable<GradientOutput> ComputedGradients => _loss.Gradients.Where(g => g.Node is not null);

    /// <summary>
    /// With Reduction.Mean a gradient is stored as ∂l/∂x · (1/n). Where ∂l/∂x = c · core for a constant
    /// c (2·(p − y) for squared error), the kernel writes core and the loop multiplies by c/n: one
    /// multiplication instead of two.
    /// </summary>
    public (double Factor, int Core) Split(GradientOutput gradient)
    {
        int node = gradient.Node!.Value;
        Node n = _loss.Graph[node];
        if (_signature.Reduction == LossSignature.Mean && gradient.Parameter.Role == ParameterRole.ElementwiseGradient && n.Op == Op.Mul)
        {
            if (_loss.Graph.IsConst(n.A, out double a))
            {
                return (a, n.B);
            }
            if (_loss.Graph.IsConst(n.B, out double b))
            {
                return (b, n.A);
            }
        }
        return (1, node);
    }

    public string LeafName(int id)
    {
        Node n = _loss.Graph[id];
        return _signature.Parameters[(int)n.Value].Name;
    }

    public void Emit(CodeWriter w)
    {
        string parameters = string.Join(", ", Inputs.Select(p => _v + " " + Naming.Identifier(p.Name))
            .Concat(ComputedGradients.Select(g => "out " + _v + " " + Naming.Identifier(g.Parameter.Name))));
        w.Line("/// <summary>One vector of elements: returns the per-element loss and writes the derivatives.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        w.Open("private static " + _v + " Element(" + parameters + ")");

        var taken = new HashSet<string>(_signature.Parameters.Select(p => p.Name));
        var valueSide = new HashSet<int>(_loss.Graph.Reachable(new[] { _loss.Value }));
        int valueCount = 0, gradientCount = 0;
        var roots = new[] { _loss.Value }.Concat(ComputedGradients.Select(g => Split(g).Core));
        foreach (int id in _loss.Graph.Reachable(roots))
        {
            Node n = _loss.Graph[id];
            if (OpFacts.IsLeaf(n.Op))
            {
                _expressions[id] = LeafExpression(id, n);
                continue;
            }
            string name;
            if (_loss.BindingNames.TryGetValue(id, out string? binding) && taken.Add(binding))
            {
                name = Naming.Identifier(binding);
            }
            else
            {
                bool isValue = valueSide.Contains(id);
                do
                {
                    name = isValue ? "v" + (++valueCount).ToString(CultureInfo.InvariantCulture) : "g" + (++gradientCount).ToString(CultureInfo.InvariantCulture);
                }
                while (!taken.Add(name));
            }
            w.Comment(Comment(id));
            if (_loss.Graph.NoteOf(id) is string note)
            {
                w.Comment("stable form: " + note);
            }
            w.Line(_v + " " + name + " = " + Expression(n) + ";");
            _expressions[id] = name;
            _localNames[id] = name;
        }

        foreach (GradientOutput gradient in ComputedGradients)
        {
            int node = gradient.Node!.Value;
            (double factor, int core) = Split(gradient);
            w.Comment("∂l/∂" + gradient.Input.Name + " = " + _printer.Describe(node, 100) + (factor != 1 ? " (the constant " + MathPrinter.Number(factor) + " is applied with the 1/n of the mean)" : ""));
            w.Line(Naming.Identifier(gradient.Parameter.Name) + " = " + _expressions[core] + ";");
        }
        w.Comment("l = " + _printer.Describe(_loss.Value, 100));
        w.Line("return " + _expressions[_loss.Value] + ";");
        w.Close();
    }

    /// <summary>The sub-expression a statement computes: in full when short, else in terms of the locals it reads.</summary>
    private string Comment(int id)
    {
        string? full = _printer.TryPrint(id, 60);
        return full ?? _printer.Describe(id, 100);
    }

    private string LeafExpression(int id, Node n) => n.Op switch
    {
        Op.Input or Op.Scalar => Naming.Identifier(LeafName(id)),
        Op.True => _v + ".AllBitsSet",
        Op.False => _v + ".Zero",
        _ => Constant(n.Value),
    };

    private string Constant(double value)
    {
        if (value == 0)
        {
            return value.Equals(0.0) ? _v + ".Zero" : "new " + _v + "(-0" + Suffix + ")";
        }
        if (value == 1)
        {
            return _v + ".One";
        }
        return "new " + _v + "(" + Literal(value) + ")";
    }

    private string Suffix => _t == "float" ? "f" : "d";

    /// <summary>A C# literal of <paramref name="value"/> in the element type, culture-invariant.</summary>
    public string Literal(double value)
    {
        if (double.IsNaN(value))
        {
            return _t + ".NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? _t + ".PositiveInfinity" : _t + ".NegativeInfinity";
        }
        string text = _t == "float"
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains("Infinity"))
        {
            return value > 0 ? _t + ".PositiveInfinity" : _t + ".NegativeInfinity";
        }
        return text + Suffix;
    }

    private string Expression(Node n)
    {
        string template = OpTable.Of(n.Op).Vector;
        if (template.Length == 0)
        {
            throw new System.InvalidOperationException("No emission for " + n.Op);
        }
        string code = template.Replace("{T}", _t).Replace("{V}", _v);
        return n.Arity switch
        {
            1 => code.Replace("{0}", _expressions[n.A]),
            2 => code.Replace("{0}", _expressions[n.A]).Replace("{1}", _expressions[n.B]),
            _ => code.Replace("{0}", _expressions[n.A]).Replace("{1}", _expressions[n.B]).Replace("{2}", _expressions[n.C]),
        };
    }
}
