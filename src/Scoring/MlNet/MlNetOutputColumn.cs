using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using OrleansBatch.Scoring.Models;

namespace OrleansBatch.Scoring.MlNet;

/// <summary>
/// One output column of an ML.NET model (<c>PredictedLabel</c>, <c>Score</c>, <c>Probability</c>) and how its value
/// is written per row: a scalar as one column, a vector (a multiclass <c>Score</c>) as one column per class named
/// <c>Score_&lt;label&gt;</c> from the model's label values, a key (a <c>PredictedLabel</c> left as a key) as its label.
/// </summary>
internal sealed class MlNetOutputColumn
{
    private readonly Func<DataViewRow, Action<CsvLine>> _bind;

    private MlNetOutputColumn(string name, string typeName, string[] columns, Func<DataViewRow, Action<CsvLine>> bind)
    {
        Name = name;
        TypeName = typeName;
        Columns = columns;
        _bind = bind;
    }

    public string Name { get; }

    public string TypeName { get; }

    public string[] Columns { get; }

    /// <summary>The output's values in one row, as the signature shows it: [-1] or [-1, K].</summary>
    public long[] Shape => Columns.Length == 1 ? [-1] : [-1, Columns.Length];

    /// <summary>A writer of this column's values for the rows <paramref name="row"/> (a cursor) moves over.</summary>
    public Action<CsvLine> Bind(DataViewRow row) => _bind(row);

    /// <exception cref="NotSupportedException">The column's type cannot be written as CSV.</exception>
    public static MlNetOutputColumn Create(DataViewSchema.Column column)
    {
        var name = column.Name;
        switch (column.Type)
        {
            case BooleanDataViewType:
                return new(name, "bool", [name], row => Scalar<bool>(row, column, (line, v) => line.AppendText(v ? "true" : "false")));
            case NumberDataViewType when column.Type.RawType == typeof(float):
                return new(name, "float", [name], row => Scalar<float>(row, column, (line, v) => line.Append(v)));
            case NumberDataViewType when column.Type.RawType == typeof(double):
                return new(name, "double", [name], row => Scalar<double>(row, column, (line, v) => line.Append(v)));
            case TextDataViewType:
                return new(name, "string", [name], row => Scalar<ReadOnlyMemory<char>>(row, column, (line, v) => line.AppendText(v.ToString())));
            case KeyDataViewType:
                var labels = AnnotationStrings(column, "KeyValues");
                return new(name, labels is null ? "uint32" : "string", [name], row => Scalar<uint>(row, column, (line, key) =>
                {
                    if (labels is not null && key > 0 && key <= labels.Length)
                    {
                        line.AppendText(labels[key - 1]);
                    }
                    else
                    {
                        line.Append(key);
                    }
                }));
            case VectorDataViewType { Size: > 0 } vector when vector.ItemType.RawType == typeof(float):
                var classes = AnnotationStrings(column, "TrainingLabelValues") ?? AnnotationStrings(column, "SlotNames");
                var columns = Enumerable.Range(0, vector.Size)
                    .Select(i => $"{name}_{(classes is not null && i < classes.Length ? classes[i] : i.ToString(CultureInfo.InvariantCulture))}")
                    .ToArray();
                return new(name, "float", columns, row =>
                {
                    var getter = row.GetGetter<VBuffer<float>>(column);
                    VBuffer<float> buffer = default;
                    return line =>
                    {
                        getter(ref buffer);
                        var first = true;
                        foreach (var v in buffer.DenseValues())
                        {
                            if (!first)
                            {
                                line.Separator();
                            }

                            first = false;
                            line.Append(v);
                        }
                    };
                });
            default:
                throw new NotSupportedException($"The model's output column '{name}' has type {column.Type}, which cannot be written out.");
        }
    }

    private static Action<CsvLine> Scalar<T>(DataViewRow row, DataViewSchema.Column column, Action<CsvLine, T> write)
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        return line =>
        {
            getter(ref value);
            write(line, value);
        };
    }

    /// <summary>A vector annotation (key values, label values, slot names) as text, or null when absent or of another type.</summary>
    private static string[]? AnnotationStrings(DataViewSchema.Column column, string kind)
    {
        if (column.Annotations.Schema.GetColumnOrNull(kind) is not { } annotation)
        {
            return null;
        }

        var raw = (annotation.Type is VectorDataViewType vector ? vector.ItemType : annotation.Type).RawType;
        return raw == typeof(ReadOnlyMemory<char>) ? Read<ReadOnlyMemory<char>>(column, kind, v => v.ToString())
            : raw == typeof(float) ? Read<float>(column, kind, v => v.ToString(CultureInfo.InvariantCulture))
            : raw == typeof(double) ? Read<double>(column, kind, v => v.ToString(CultureInfo.InvariantCulture))
            : raw == typeof(uint) ? Read<uint>(column, kind, v => v.ToString(CultureInfo.InvariantCulture))
            : raw == typeof(int) ? Read<int>(column, kind, v => v.ToString(CultureInfo.InvariantCulture))
            : raw == typeof(long) ? Read<long>(column, kind, v => v.ToString(CultureInfo.InvariantCulture))
            : raw == typeof(bool) ? Read<bool>(column, kind, v => v ? "true" : "false")
            : null;
    }

    private static string[] Read<T>(DataViewSchema.Column column, string kind, Func<T, string> format)
    {
        VBuffer<T> values = default;
        column.Annotations.GetValue(kind, ref values);
        return values.DenseValues().Select(format).ToArray();
    }
}
