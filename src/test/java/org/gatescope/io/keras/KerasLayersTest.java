package org.gatescope.io.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatescope.io.Json;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.keras.KerasLayers.Bidirectional;
import org.gatescope.io.keras.KerasLayers.Dense;
import org.gatescope.io.keras.KerasLayers.Embedding;
import org.gatescope.io.keras.KerasLayers.Identity;
import org.gatescope.io.keras.KerasLayers.Input;
import org.gatescope.io.keras.KerasLayers.Layer;
import org.gatescope.io.keras.KerasLayers.Recurrent;
import org.gatescope.io.keras.KerasLayers.RecurrentKind;
import org.junit.jupiter.api.Test;

class KerasLayersTest {

    private static final Path FILE = Path.of("model.h5");

    @Test
    void aKeras2FunctionalGruWithoutResetAfterLeavesTheChoiceToTheBiasShape() throws Exception {
        Path file = Path.of("../shared/realmodels/01-cse5393-imdb-gru.h5");
        assumeTrue(Files.isRegularFile(file), "the shared real models are not on this machine");
        List<Layer> chain = KerasLayers.chain(file, KerasFile.read(file).config());
        assertEquals(List.of(Input.class, Embedding.class, Recurrent.class, Dense.class),
                chain.stream().map(Object::getClass).toList());
        Recurrent gru = (Recurrent) chain.get(2);
        assertEquals(RecurrentKind.GRU, gru.kind());
        assertEquals("hard_sigmoid", gru.recurrentActivation());
        assertNull(gru.resetAfter(), "Keras 2.0.4 wrote no reset_after");
        assertFalse(gru.returnSequences());
        assertEquals("sigmoid", ((Dense) chain.get(3)).activation());
    }

    @Test
    void aKeras3SequentialKeepsDropoutAsIdentity() throws Exception {
        List<Layer> chain = KerasLayers.chain(FILE, config("""
                {"class_name": "Sequential", "config": {"name": "s", "layers": [
                  {"class_name": "InputLayer", "config": {"batch_shape": [null, 13], "name": "in"}},
                  {"class_name": "Embedding", "config": {"name": "e", "input_dim": 30, "output_dim": 8, "mask_zero": true}},
                  {"class_name": "LSTM", "config": {"name": "l1", "units": 6, "return_sequences": true,
                     "activation": "tanh", "recurrent_activation": "sigmoid"}},
                  {"class_name": "Dropout", "config": {"name": "d", "rate": 0.2}},
                  {"class_name": "Bidirectional", "config": {"name": "bi", "merge_mode": "concat",
                     "layer": {"class_name": "GRU", "config": {"name": "g", "units": 4, "reset_after": true}}}},
                  {"class_name": "Dense", "config": {"name": "out", "units": 3, "activation": "softmax"}}]}}
                """));
        assertEquals(List.of(13), ((Input) chain.get(0)).shape());
        assertTrue(((Embedding) chain.get(1)).maskZero());
        assertTrue(((Recurrent) chain.get(2)).returnSequences());
        assertEquals("Dropout", ((Identity) chain.get(3)).className());
        Bidirectional bi = (Bidirectional) chain.get(4);
        assertEquals(Boolean.TRUE, bi.forward().resetAfter());
        assertEquals(4, bi.backward().units());
    }

    @Test
    void whatTheEngineCannotRunIsRefusedByLayerAndSetting() {
        assertRefused("go_backwards", """
                {"class_name": "Sequential", "config": {"layers": [
                  {"class_name": "LSTM", "config": {"name": "rev", "units": 4, "go_backwards": true}}]}}""");
        assertRefused("Conv1D", """
                {"class_name": "Sequential", "config": {"layers": [
                  {"class_name": "Conv1D", "config": {"name": "conv", "filters": 4}}]}}""");
        assertRefused("takes 2 inputs", """
                {"class_name": "Functional", "config": {"layers": [
                  {"class_name": "InputLayer", "name": "a", "config": {"name": "a"}, "inbound_nodes": []},
                  {"class_name": "InputLayer", "name": "b", "config": {"name": "b"}, "inbound_nodes": []},
                  {"class_name": "Concatenate", "name": "c", "config": {"name": "c"},
                   "inbound_nodes": [[["a", 0, 0, {}], ["b", 0, 0, {}]]]}]}}""");
    }

    private static void assertRefused(String expected, String json) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> KerasLayers.chain(FILE, config(json)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(String json) {
        return (Map<String, Object>) Json.parse(json);
    }
}
