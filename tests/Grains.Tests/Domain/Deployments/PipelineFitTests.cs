using OrleansBatch.Grains.Domain.Deployments;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions.Models;

namespace OrleansBatch.Grains.Tests.Domain.Deployments;

/// <summary>A pipeline's steps must fit together by name, element type and shape, as the scorer chains them.</summary>
public sealed class PipelineFitTests
{
    private static ModelBinding Model(string name, ModelIo[] inputs, ModelIo[] outputs) => new(name, 1, $"models/{name}", [], inputs, outputs);

    private static ModelIo Float(string name, params long[] shape) => new(name, "float", shape);

    [Fact]
    public void Steps_that_feed_each_other_by_name_or_as_single_tensors_fit()
    {
        var prep = Model("prep", [Float("features", -1, 30)], [Float("scaled", -1, 30)]);
        var byName = Model("clf", [Float("scaled", -1, 30)], [new ModelIo("label", "int64", [-1])]);
        var unnamed = Model("clf2", [Float("input", -1, -1)], [new ModelIo("label", "int64", [-1])]);

        Assert.Empty(PipelineFit.Problems([prep, byName]));
        Assert.Empty(PipelineFit.Problems([prep, unnamed]));
    }

    [Fact]
    public void Element_type_rank_dimension_and_name_mismatches_name_the_step_and_the_tensor()
    {
        var prep = Model("prep", [Float("features", -1, 30)], [Float("scaled", -1, 30), Float("extra", -1, 2)]);

        var type = Assert.Single(PipelineFit.Problems([prep, Model("clf", [new ModelIo("scaled", "double", [-1, 30])], [])]));
        var rank = Assert.Single(PipelineFit.Problems([prep, Model("clf", [Float("scaled", -1, 30, 1)], [])]));
        var width = Assert.Single(PipelineFit.Problems([prep, Model("clf", [Float("scaled", -1, 31)], [])]));
        var name = Assert.Single(PipelineFit.Problems([prep, Model("clf", [Float("scaled_features", -1, 30)], [])]));

        Assert.Equal(1, type.Step);
        Assert.Contains("step 2 (clf:1) input 'scaled' double [N,30]", type.Message);
        Assert.Contains("element types differ (float into double)", type.Message);
        Assert.Contains("rank 2 into rank 3", rank.Message);
        Assert.Contains("dimension 1 is 30, the input takes 31", width.Message);
        Assert.Contains("input 'scaled_features' is not an output of an earlier step", name.Message);
        Assert.Contains("'scaled' float [N,30], 'extra' float [N,2]", name.Message);
    }

    [Fact]
    public void Input_columns_must_match_the_first_input_width()
    {
        var model = Model("clf", [Float("features", -1, 3)], []);
        var two = Model("two", [Float("a", -1, 1), Float("b", -1, 1)], []);

        Assert.Null(PipelineFit.ColumnsProblem(model, ["x", "y", "z"]));
        Assert.Null(PipelineFit.ColumnsProblem(model, null));
        Assert.Contains("takes 3 values per row", PipelineFit.ColumnsProblem(model, ["x", "y"]));
        Assert.Contains("has 2 inputs", PipelineFit.ColumnsProblem(two, ["a", "b"]));
    }
}
