using System.Text.Json.Nodes;
using CsCheck;

namespace Byoc.TestUtilities.Fuzz;

/// <summary>
/// Generators of request bodies a network parser must survive: a valid JSON document with one to three of its values
/// replaced (a wrong type, null, an empty or huge string, control characters, deep nesting, a huge number), a field
/// removed or added, or the text cut short or flipped at a byte. Each sample is one body; CsCheck shrinks a failure to
/// the smallest one it can find.
/// </summary>
public static class JsonMutations
{
    /// <summary>The iterations of each fuzz test: <c>BYOC_FUZZ_ITERATIONS</c> (eng/test.sh --fuzz sets 5,000), else 200.</summary>
    public static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("BYOC_FUZZ_ITERATIONS"), out var iterations) && iterations > 0 ? iterations : 200;

    private static readonly Gen<JsonNode?> s_values = Gen.OneOf<JsonNode?>(
        Gen.Const(() => (JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)JsonValue.Create(d) : JsonValue.Create(0)),
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Char.Array[0, 64].Select(c => (JsonNode?)JsonValue.Create(new string(c))),
        Gen.Int[1_000, 40_000].Select(n => (JsonNode?)JsonValue.Create(new string('x', n))),
        Gen.Int[1, 200].Select(Nested),
        Gen.Const(() => (JsonNode?)new JsonObject()),
        Gen.Const(() => (JsonNode?)new JsonArray()));

    /// <summary>Mutations of <paramref name="seeds"/> (valid bodies of the parser under test).</summary>
    public static Gen<string> Of(params string[] seeds) =>
        Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[1, 3], Gen.Int[0, 9], Gen.Int[0, 1_000_000], s_values.Array[3], (seed, count, kind, position, values) =>
        {
            var text = seeds[seed];
            if (kind == 0)
            {
                return text[..(position % (text.Length + 1))];
            }

            if (kind == 1)
            {
                var chars = text.ToCharArray();
                chars[position % chars.Length] = (char)(position % 128);
                return new string(chars);
            }

            var root = JsonNode.Parse(text)!;
            var nodes = Descendants(root).ToList();
            for (var i = 0; i < count; i++)
            {
                var target = nodes[(position + (i * 7919)) % nodes.Count];
                Replace(target, values[i]?.DeepClone(), kind == 9);
            }

            return root.ToJsonString();
        });

    private static JsonNode? Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }

        return node;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    /// <summary>Puts <paramref name="value"/> where <paramref name="target"/> is (or removes it), or adds a field beside it.</summary>
    private static void Replace(JsonNode target, JsonNode? value, bool remove)
    {
        switch (target.Parent)
        {
            case JsonObject parent:
                var name = parent.First(p => ReferenceEquals(p.Value, target)).Key;
                if (remove)
                {
                    parent.Remove(name);
                }
                else
                {
                    parent[name] = value;
                }

                break;
            case JsonArray array:
                var index = array.IndexOf(target);
                if (remove)
                {
                    array.RemoveAt(index);
                }
                else
                {
                    array[index] = value;
                }

                break;
            case null when target is JsonObject root:
                root["extra"] = value;
                break;
        }
    }
}
