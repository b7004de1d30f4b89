"""The generator under hostile input: nasty specs, random specs, template escaping."""
